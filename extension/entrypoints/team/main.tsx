import '../../zod-config';
import { mountPage } from '../../components/mount-page';
import { TeamOverview } from './TeamOverview';

mountPage((s) => <TeamOverview settings={s} />);
