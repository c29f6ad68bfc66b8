/**
 * Answers kept by key, `limit` at most (all dropped at once when full): for questions asked over and over
 * whose answer never changes (calendar arithmetic, prepared statements by SQL text or by columns written).
 */
export function kept<T>(limit: number) {
  const answers = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = compute();
      answers.set(key, answer);
    }
    return answer;
  };
}
