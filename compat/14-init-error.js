// expect: exit=107 stderr~14-init-error.js:5
// An exception in init code is a script error (exit 107) naming the file and line.
export const options = { iterations: 1 };

throw new Error('broken init');

export default function () {}
