// V8 flags for the process that builds a book (`npm run build`, and the benchmark's build of it).
//
// --max-semi-space-size=16: a young generation of at most 2 × 16 MB per thread. Node 24 sizes it from the
// heap limit (4 GB here) and lets it grow far larger; with the build's main thread and its proofreading thread
// both allocating fast, the process held some 300 MB more at the print's peak than with this limit (a
// 150k-word book: Node at 512 MB instead of 879, the whole build's peak 1467 MB instead of 1823), for the
// same stage times.
export const BUILD_NODE_FLAGS = ['--max-semi-space-size=16'];
