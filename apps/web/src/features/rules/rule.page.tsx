/** Placeholder until the screen is built. */
export default function RulePage() {
  return <p>RulePage</p>;
}
