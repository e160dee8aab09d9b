export type ReviewPolicy = 'presumption-of-denial' | 'case-by-case' | 'presumption-of-approval';
