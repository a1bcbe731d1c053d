// The conformance suite, second half (see conformance.test.ts).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite(2, 2);
