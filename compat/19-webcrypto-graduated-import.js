// expect: exit=107 stderr~k6/experimental/webcrypto_has_been_graduated
// k6/experimental/webcrypto is gone in k6 v1: importing it is a script error with k6's message.
import { crypto } from 'k6/experimental/webcrypto';

export default function () {
  crypto.randomUUID();
}
