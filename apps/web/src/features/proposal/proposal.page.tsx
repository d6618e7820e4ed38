/** Placeholder until the screen is built. */
export default function ProposalPage() {
  return <p>ProposalPage</p>;
}
