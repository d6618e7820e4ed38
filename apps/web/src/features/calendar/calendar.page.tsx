/** Placeholder until the screen is built. */
export default function CalendarPage() {
  return <p>CalendarPage</p>;
}
