/** What adopt asks to be accepted before it imports an office: the router's accounts, keys, jobs and scripts. */
import { describe, expect, it } from "vitest";
import { acceptName, entriesToAccept } from "./audited-entries";

describe("entries adopt asks about", () => {
  it("every user but the stack's own, non-built-in groups, SSH keys, scheduler and scripts; never the services", () => {
    const reading = {
      "/user": ["name=communes group=full", "name=admin group=full", "name=cuadau group=write"],
      "/user/group": ["name=read policy=read", "name=write policy=write", "name=full policy=full", "name=noc policy=read,api"],
      "/user/ssh-keys": ["user=admin key-owner=laptop"],
      "/system/scheduler": ['name=backup on-event="/system backup save"'],
      "/system/script": [],
      "/ip/service": ["name=telnet port=23 disabled=true"],
    };
    expect(entriesToAccept(reading, "communes").map(acceptName)).toEqual(["/user admin", "/user cuadau", "/user/group noc", "/user/ssh-keys admin", "/system/scheduler backup"]);
  });
});
