import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";

const FEATURES = [
  {
    title: "Spaced repetition that respects your time",
    body: "Cards come back just before you would forget them, scheduled by FSRS, the algorithm modern flashcard apps use.",
  },
  {
    title: "Numbers you have to work out",
    body: "Parameter counts, output sizes, receptive fields, FLOPs and memory, with fresh numbers every time, checked by our own calculation library.",
  },
  {
    title: "A bank you can trust and edit",
    body: "Questions on gradients, convolutions, normalisation, detection, segmentation and transformers, kept in plain Markdown and editable in the browser.",
  },
  {
    title: "Study together",
    body: "Self-host one instance for your team or class, share decks and goals, and see how the group is doing.",
  },
];

export default async function LandingPage() {
  if (await getCurrentUser()) redirect("/home");
  return (
    <div className="space-y-12 py-6 sm:py-12">
      <section className="max-w-2xl space-y-5">
        <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase dark:text-brand-500">
          Deep learning and computer vision interviews
        </p>
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Remember why a 3×3 kernel wins, and prove it with numbers.</h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">
          Receptive is a self-hostable study platform for deep-learning interviews: question cards scheduled by
          spaced repetition and numeric drills generated fresh each time.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/register" className="btn-primary">Create an account</Link>
          <Link href="/login" className="btn-secondary">Log in</Link>
        </div>
      </section>
      <section aria-label="Features" className="grid gap-4 sm:grid-cols-2">
        {FEATURES.map((feature) => (
          <div key={feature.title} className="card">
            <h2 className="font-semibold">{feature.title}</h2>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{feature.body}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
