// One icon per screen, shared by the navigation and the empty states.
import {
  IconBook2,
  IconHome,
  IconMicrophone,
  IconPlayerPlay,
  IconSettings,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { Screen } from '../../shared/api/contract';

export const screenIcons: Record<Screen, typeof IconHome> = {
  home: IconHome,
  record: IconMicrophone,
  library: IconPlayerPlay,
  journal: IconBook2,
  group: IconUsersGroup,
  settings: IconSettings,
};
