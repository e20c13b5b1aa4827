/**
 * "Live", on a story whose coverage is running and on its cards. A word, not only a colour or
 * a dot, so screen readers say it and it survives printing in black and white.
 */
export function LiveMark() {
  return <span className="live-mark">Live</span>;
}
