/**
 * `<Truncate />`: the end of an announcement's summary (src/content/truncate-marker.ts). The
 * blog plugin cuts the list's excerpt at it; on the post's own page it renders nothing.
 */
export default function Truncate(): null {
  return null;
}
