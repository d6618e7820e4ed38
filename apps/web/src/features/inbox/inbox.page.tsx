/** Placeholder until the screen is built. */
export default function InboxPage() {
  return <p>InboxPage</p>;
}
