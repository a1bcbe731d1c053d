// The conformance suite, first half (every scenario file under scenarios/conformance, split in two
// so that vitest runs the halves on two workers). Filter with -t, split further with --shard.
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite(1, 2);
