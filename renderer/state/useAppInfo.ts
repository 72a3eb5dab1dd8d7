// Facts about the running app from main (version, data folder, transport), fetched once.
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../shared/api/contractTypes';
import type { Contract } from '../../shared/api/contract';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';

export type AppInfo = MethodOutput<Contract, 'app.info'>;

export function useAppInfo(): AppInfo | undefined {
  const [info, setInfo] = useState<AppInfo>();
  useEffect(() => {
    let live = true;
    api.call('app.info', {}).then((value) => live && setInfo(value), reportError);
    return () => {
      live = false;
    };
  }, []);
  return info;
}
