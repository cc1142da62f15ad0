export declare const HEATED_SIZE: number;
export declare const HEATED_SPACING_MM: number;
export declare function heatedMap(k: number, seed?: number): Float32Array;
