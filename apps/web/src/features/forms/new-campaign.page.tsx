/** Placeholder until the screen is built. */
export default function NewCampaignPage() {
  return <p>NewCampaignPage</p>;
}
