// A TypeScript module whose export list mixes types and values (used by 21-typescript-type-exports.ts).
interface Shape {
  kind: string;
  size: number;
}
type Unit = 'cm' | 'in';

function area(s: Shape): number {
  return s.size * s.size;
}
const UNIT: Unit = 'cm';

export { Shape, Unit, area, UNIT };
