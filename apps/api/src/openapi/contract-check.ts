/**
 * Compile-time checks that a response class mirrors its contract type. `implements` checks that every field of
 * the contract is there with a type the contract accepts; it says nothing of a field the class lacks when the
 * contract has it as optional, or of a field the class adds. `SameFields` closes both gaps: a contract gaining or
 * losing a field fails to compile here until the documented schema follows.
 */
export type SameFields<Class, Contract> = [Exclude<keyof Class, keyof Contract>, Exclude<keyof Contract, keyof Class>] extends [never, never]
  ? true
  : { onlyInClass: Exclude<keyof Class, keyof Contract>; onlyInContract: Exclude<keyof Contract, keyof Class> };

/** Holds only when `Check` is `true`; otherwise the compiler shows the fields that differ. */
export type Holds<Check extends true> = Check;

/** The keys of a record listing every member of a union once: the union gaining a member fails to compile. */
export const everyMember = <Member extends string>(members: Record<Member, true>): Member[] => Object.keys(members) as Member[];
