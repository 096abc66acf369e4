// repository.ts — the address of the book's source repository, read from package.json's "repository"
// field (the one place it is written), for the footer and the references page.
import pkg from '../package.json' with { type: 'json' };

/** The source repository's web address (package.json "repository.url"). */
export const repositoryUrl: string = pkg.repository.url;
