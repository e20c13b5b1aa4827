import type { ReactNode } from 'react';

type FactProps = { label: string; children: ReactNode };

export function Fact({ label, children }: FactProps) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
