// How to do an exercise, from the routine's JSON. Names are compared the way the library
// compares them (case, apostrophes, hyphens and spacing do not count).

export const nameKey = (text) => String(text).normalize("NFKC").toLowerCase()
  .replace(/[\u2018\u2019\u02bc`\u00b4']/g, "").replace(/[-\u2010-\u2014_]/g, " ").replace(/\s+/g, " ").trim();

function names(info) {
  return [info.name, info.exercise, ...(info.aliases ?? [])].filter(Boolean).map(nameKey);
}

// Accepts the how-to as a map by exercise name, a list of library entries, or a field of
// each exercise of the routine (`how`, `how_to`).
export function howTo(routine, name) {
  if (!routine || !name) return null;
  const want = nameKey(name);
  for (const source of [routine.how_to, routine.how, routine.exercises_info]) {
    if (!source) continue;
    if (Array.isArray(source)) {
      const found = source.find((info) => info && names(info).includes(want));
      if (found) return found;
    } else {
      for (const [key, info] of Object.entries(source)) {
        if (info && (nameKey(key) === want || names(info).includes(want))) return info;
      }
    }
  }
  for (const section of routine.sections ?? []) {
    for (const exercise of section.exercises ?? []) {
      const info = exercise.how ?? exercise.how_to;
      if (info && nameKey(exercise.name) === want) return info;
    }
  }
  return null;
}
