import { ClarityHints } from '../../ui/ClarityHints.tsx';

/** Live clarity advice under a text field (it advises, it never blocks saving). */
export function ClarityFor({ text, kind }: { text: string; kind: 'objective' | 'key_result' }) {
  return <ClarityHints text={text} kind={kind} />;
}
