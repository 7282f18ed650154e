/** Message areas every page needs (header, error and loading messages, page titles): loaded before the first paint. */
export const SHELL_AREAS = ['common', 'errors'] as const;
