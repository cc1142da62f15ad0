/**
 * Where one procedure room lives on NATS (docs/nats.md): one JetStream stream per room,
 * `IR_<room>`, holding every subject under `ir.<room>.`.
 */

/** A room id is one subject token and part of a stream name: letters, digits, `-` and `_`. */
const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Headers every message of a room carries. */
export const NATS_HEADERS = {
  /** The wire format version of the body (docs/wire-format.md; the alarm snapshot's own for `.alarms`). */
  version: 'Ir-Wire-Version',
  /** Who published it: the edge's name, or the viewer that gave a command. */
  sender: 'Ir-Sender',
  /** The sender's numbering (the wire format's stream id): new each time an edge starts. */
  stream: 'Ir-Stream',
  /** On `.overview`: the step (ms of data time) whose minimum and maximum it keeps. */
  overviewStep: 'Ir-Overview-Step',
  /** JetStream's de-duplication id: a message sent again after a lost acknowledgement is stored once. */
  msgId: 'Nats-Msg-Id',
} as const;

/** Why `room` cannot name a room, or '' when it can. */
export function roomIdProblem(room: string): string {
  return ROOM_ID.test(room) ? '' : `procedure room '${room}' must be 1 to 64 letters, digits, '-' or '_' (one NATS subject token)`;
}

/**
 * A channel id as subject tokens: characters a subject cannot hold (space, `*`, `>`, and
 * anything outside letters, digits, `-`, `_`, `.`) become `_`, and empty tokens `_`. The
 * body names the channel exactly; the subject is for filtering.
 */
export function channelTokens(channel: string): string {
  return channel
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .split('.')
    .map((t) => t || '_')
    .join('.');
}

/** The subjects of one room. */
export function roomSubjects(room: string) {
  const base = `ir.${room}`;
  return {
    all: `${base}.>`,
    /** Every channel's samples of one publishing turn, in one bundle (samples-bundle.ts). */
    samples: `${base}.samples`,
    /**
     * The samples published since the last overview, as the minimum and maximum of each step
     * (a samples bundle): what a late joiner reads instead of every sample before the newest one.
     */
    overview: `${base}.overview`,
    /**
     * What a late joiner reads up to the newest overview: everything but the samples, the alarm
     * decisions first (a few messages: while the rest comes, the banner shows what is in force).
     */
    history: [`${base}.alarms`, `${base}.channels`, `${base}.events.>`, `${base}.frames.>`, `${base}.overview`],
    frames: (channel: string) => `${base}.frames.${channelTokens(channel)}`,
    events: (channel: string) => `${base}.events.${channelTokens(channel)}`,
    /** The channel descriptors, whenever they change. */
    channels: `${base}.channels`,
    /** The alarm snapshot, whenever the decision changes. */
    alarms: `${base}.alarms`,
    /** Viewers' acknowledgements and pauses, request and reply; stored too, as the room's record. */
    commands: `${base}.commands`,
  };
}

export type RoomSubjects = ReturnType<typeof roomSubjects>;

/** The room's stream name. */
export const roomStream = (room: string) => `IR_${room}`;

/** What kind of message a subject of the room carries. */
export function subjectKind(room: string, subject: string): 'samples' | 'overview' | 'frames' | 'events' | 'channels' | 'alarms' | 'commands' | undefined {
  const rest = subject.slice(`ir.${room}.`.length);
  const head = rest.split('.', 1)[0];
  return (['samples', 'overview', 'frames', 'events', 'channels', 'alarms', 'commands'] as const).find((k) => k === head);
}

/** Limits of a room's stream (docs/nats.md, "Streams"): a procedure and its debrief, bounded. */
export const ROOM_STREAM_LIMITS = {
  /** A day: the procedure, then the tumour board's replay. */
  maxAgeMs: 24 * 3600_000,
  /** 2 GiB: a cementoplasty day is about 0.3 GiB; 16 channels at 1 kHz (about 0.4 GiB an hour, bundled) fill it in about 5 hours (oldest dropped). */
  maxBytes: 2 * 1024 ** 3,
  /** A message is a samples bundle (cut at `MAX_BUNDLE_BYTES`), a frame or a snapshot: a 256 x 256 grid is 256 KiB. */
  maxMsgSize: 1024 ** 2,
  /** Re-sent messages with one id within this window are stored once. */
  duplicateWindowMs: 120_000,
} as const;
