// Types of node-flags.mjs (plain JavaScript: the bootstrap runs it on the machine's Node 20).
export declare const BUILD_NODE_FLAGS: string[];
