export { StreamingDeanonymizer } from './streaming-deanonymizer.js';
export { DeanonymizeTransformStream, createStreamingDeanonymizer, deanonymizeStream } from './deanonymize-stream.js';
export type { DeanonymizeStreamOptions } from './deanonymize-stream.js';
