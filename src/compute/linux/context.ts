import type { DiskStore } from "../../storage/disk-store.js";
import type { Logger } from "../../core/log.js";
import type { ImageCatalog } from "./images/catalog.js";
import type { Freezer } from "./host/freezer.js";
import { cgroupName } from "./host/cgroups.js";
import { cidrHost, type Cidr, type LinuxDriverOptions } from "./options.js";
import type { InstanceState, StateDir } from "./state.js";

/** What every part of the linux driver shares. */
export interface LinuxContext {
  options: LinuxDriverOptions;
  privateNet: Cidr;
  publicNet: Cidr;
  bridge: string;
  table: string;
  store: DiskStore;
  images: ImageCatalog;
  states: StateDir;
  freezer: Freezer;
  log?: Logger;
}

/** Host names of one instance's objects. */
export function hostNames(ctx: LinuxContext, id: string, state: InstanceState) {
  return {
    cgroup: cgroupName(ctx.options.tag, id),
    netns: `${ctx.options.tag}-${id}`,
    veth: `${ctx.options.tag}${state.hostIndex}`,
    privateIp: cidrHost(ctx.privateNet, state.hostIndex),
    publicIp: cidrHost(ctx.publicNet, state.hostIndex),
  };
}

/** Device name inside the instance for a Lightsail/EC2 device path (`/dev/xvdf` → `xvdf`). */
export const deviceName = (devicePath: string) => devicePath.replace(/^\/dev\//, "");
