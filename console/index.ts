// The web console: server-rendered pages and live fragments over the two documented HTTP APIs.
export { type ConsoleOptions, createConsole } from './app';
