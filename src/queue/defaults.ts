// The queue's defaults, apart from its connection code so that the command line can show them without loading NATS.

export const DEFAULT_STREAM = 'standpoint';
/** Seconds a worker has to acknowledge a job before it is delivered again (to any worker). */
export const DEFAULT_ACK_WAIT = 60;
/** Failed deliveries after which a job goes to the dead-letter subject. */
export const DEFAULT_MAX_DELIVER = 5;
