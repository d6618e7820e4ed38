/** Placeholder until the screen is built. */
export default function ReplayPage() {
  return <p>ReplayPage</p>;
}
