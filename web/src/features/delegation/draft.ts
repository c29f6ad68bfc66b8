import { useEffect, useState } from 'react';

/**
 * A form kept in localStorage until it is saved: a failed save, a reload or a closed tab loses nothing.
 * `restored` says whether the first value came from storage (to tell the user).
 */
export function useDraft<T extends object>(storageKey: string, initial: () => T) {
  const [pristine] = useState(() => JSON.stringify(initial()));
  const [state] = useState(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      if (raw) return { value: { ...initial(), ...(JSON.parse(raw) as Partial<T>) }, restored: true };
    } catch {
      // Storage disabled or unreadable: start afresh.
    }
    return { value: initial(), restored: false };
  });
  const [value, setValue] = useState<T>(state.value);
  const [restored, setRestored] = useState(state.restored);

  useEffect(() => {
    try {
      const json = JSON.stringify(value);
      // An untouched form is not a draft.
      if (json === pristine) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, json);
    } catch {
      // Not persisted (quota, private mode): the form still works.
    }
  }, [storageKey, value, pristine]);

  const discard = () => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Nothing stored: nothing to remove.
    }
  };

  const reset = () => {
    discard();
    setValue(initial());
    setRestored(false);
  };

  return { value, setValue, restored, dismissRestored: () => setRestored(false), discard, reset };
}
