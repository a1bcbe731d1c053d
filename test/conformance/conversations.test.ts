// Conformance scenarios of scenarios/conformance/conversations (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('conversations');
