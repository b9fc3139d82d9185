import '../../zod-config';
import { mountPage } from '../../components/mount-page';
import { RosterImportPage } from './RosterImportPage';

mountPage((s) => <RosterImportPage settings={s} />);
