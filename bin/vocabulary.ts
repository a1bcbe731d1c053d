// `npm run vocabulary`: writes docs/scenario-vocabulary.md from the scenario schemas.
import { writeFileSync } from 'node:fs';
import { renderVocabulary, VOCABULARY_FILE } from '../scenarios/vocabulary';

writeFileSync(VOCABULARY_FILE, renderVocabulary());
console.log(`wrote ${VOCABULARY_FILE}`);
