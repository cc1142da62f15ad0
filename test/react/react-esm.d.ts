export * as React from 'react';
export * as ReactDOM from 'react-dom';
export * as ReactDOMClient from 'react-dom/client';
