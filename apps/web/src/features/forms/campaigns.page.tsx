/** Placeholder until the screen is built. */
export default function CampaignsPage() {
  return <p>CampaignsPage</p>;
}
