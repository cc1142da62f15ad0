// React for the browser tests: served bundled as ES modules (web-test-runner.config.mjs).
export * as React from 'react';
export * as ReactDOM from 'react-dom';
export * as ReactDOMClient from 'react-dom/client';
