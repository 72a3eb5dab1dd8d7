// A microphone or camera picker: the system's default first, then each device by name. A remembered
// device that is gone reads as the default, which is what recording falls back to.
import { Select } from '@mantine/core';

interface Props {
  label: string;
  devices: readonly MediaDeviceInfo[];
  value: string | undefined;
  disabled: boolean;
  defaultLabel: string;
  /** A device the browser does not name yet (before any permission): "Camera 2". */
  unnamedLabel(n: number): string;
  onChange(deviceId: string | undefined): void;
}

export function DevicePicker({
  label,
  devices,
  value,
  disabled,
  defaultLabel,
  unnamedLabel,
  onChange,
}: Props) {
  const listed = devices.filter((d) => d.deviceId && d.deviceId !== 'default');
  const present = value !== undefined && listed.some((d) => d.deviceId === value);
  return (
    <Select
      label={label}
      value={present ? value : 'default'}
      disabled={disabled}
      allowDeselect={false}
      onChange={(chosen) => onChange(chosen === 'default' ? undefined : (chosen ?? undefined))}
      data={[
        { value: 'default', label: defaultLabel },
        ...listed.map((d, i) => ({ value: d.deviceId, label: d.label || unnamedLabel(i + 1) })),
      ]}
    />
  );
}
