/**
 * What text may hold, for every field a person types. Nothing here is about taste: each rule stops a way to
 * break storage (PostgreSQL refuses ill-formed UTF-16, and the error used to reach the log with the input), or
 * to disguise a name (invisible characters, bidi controls that reorder what a reader sees, stacked combining
 * marks that paint over the lines around them).
 */

/** A UTF-16 surrogate that is not half of a pair (in a `u` regex, paired surrogates are one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** C0/C1 controls but tab, newline and carriage return, which multi-line text may hold (forms send CRLF). */
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** Bidi embeddings, overrides and isolates, and the Arabic letter mark: they reorder what a reader sees. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Invisible: soft hyphen, Mongolian vowel separator, zero-width space/joiners, word joiner and invisible
 * operators, the byte-order mark, interlinear annotation, tag characters; and the line/paragraph separators. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;
/** More than three combining marks in a row ("Zalgo" text); real writing needs at most three. */
const COMBINING_RUN = /\p{M}{4,}/u;

/** Well-formed, with nothing invisible or reordering; newlines and tabs allowed (callers fold whitespace). */
export function isCleanText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !CONTROLS_BUT_LINES.test(text) && !BIDI_CONTROLS.test(text) && !INVISIBLE.test(text) && !COMBINING_RUN.test(text);
}
