import { mergeAreas } from '../mergeAreas';

// One JSON file per area of the app (common.json → t('common.…')); precompiled at build time.
export default mergeAreas(import.meta.glob('./*.json', { eager: true, import: 'default' }));
