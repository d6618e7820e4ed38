/** Placeholder until the screen is built. */
export default function NewProposalPage() {
  return <p>NewProposalPage</p>;
}
