export default function Splash() {
  return <main className="p-6">Earshot</main>;
}
