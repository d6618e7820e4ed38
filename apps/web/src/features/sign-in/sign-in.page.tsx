/** Placeholder until the screen is built. */
export default function SignInPage() {
  return <p>SignInPage</p>;
}
