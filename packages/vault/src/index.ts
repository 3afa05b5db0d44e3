export * from './placeholder.js';
