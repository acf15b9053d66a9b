// Proofreading (issue 6): the public surface. See proof-files.ts for the pipeline, rules/ for the checks.
export { proofFiles, type ProofFile, type ProofOptions } from './proof-files.ts';
export { proofManuscript, findManuscriptRoot, readManuscriptInfo, type ManuscriptInfo } from './manuscript.ts';
export { addWords, WORD_LIST_FILE } from './word-list.ts';
