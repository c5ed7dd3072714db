import { describe, expect, it } from "vitest";
import { parseEndpointAccess, parseRouterAccess, parseSwitchAccess, secretFor } from "./device-access";
import { secretEnvName } from "../stack/secret-input";

const KEY = "SHA256:YPUdG+HKga56pgjl0rRO/AokFWHXLbTtFXrSWXpHtRA";

describe("how adopt reaches the devices", () => {
  it("reads router, switch and endpoint arguments, Vietnamese room names included", () => {
    expect(parseRouterAccess("10.38.0.225:8729", "api-ssl", "AB:CD")).toEqual({ host: "10.38.0.225", port: 8729, transport: "api-ssl", tlsFingerprint: "AB:CD" });
    expect(parseRouterAccess("[2001:db8::1]", "api", undefined)).toEqual({ host: "2001:db8::1", transport: "api" });
    expect(parseSwitchAccess(`host=127.0.0.1:2222,hostKey=${KEY},model=Catalyst 2960-X 24`)).toEqual({ host: "127.0.0.1", port: 2222, hostKey: KEY, model: "Catalyst 2960-X 24" });
    expect(parseEndpointAccess("vendor=poly,host=10.38.128.10,tls=AB:CD,model=G7500,room=Hội trường UBND")).toEqual({ vendor: "poly", host: "10.38.128.10", tlsFingerprint: "AB:CD", model: "G7500", room: "Hội trường UBND" });
  });

  it("says what is wrong in one line", () => {
    expect(() => parseRouterAccess("r1", "api-ssl", undefined)).toThrow("--router-transport api-ssl needs --router-tls-fingerprint: the router's certificate is pinned, never trusted blindly");
    expect(() => parseRouterAccess("r1:70000", "api", undefined)).toThrow("--router: port 70000 is not between 1 and 65535");
    expect(() => parseSwitchAccess("host=sw1,hostKey=MD5:aa")).toThrow('--switch: hostKey "MD5:aa" is not SHA256:<43 base64 characters> as ssh-keygen -lf prints it');
    expect(() => parseEndpointAccess("vendor=polycom,host=h,tls=t,model=m,room=r")).toThrow('--endpoint: vendor "polycom" is not poly or cisco');
    expect(() => parseEndpointAccess("vendor=poly,host=h")).toThrow('--endpoint: tls, model, room missing in "vendor=poly,host=h"');
    expect(() => parseSwitchAccess(`host=sw1,hostKey=${KEY},password=x`)).toThrow("--switch: unknown key password (keys: host, hostKey, model)");
  });

  it("takes passwords from variables named after the inventory's secret names, never from arguments", async () => {
    expect(secretEnvName("switchEnableSecret")).toBe("COMMUNES_SECRET_SWITCH_ENABLE_SECRET");
    await expect(secretFor("routerPassword", "router", { COMMUNES_SECRET_ROUTER_PASSWORD: "s3cret" })).resolves.toBe("s3cret");
    await expect(secretFor("routerPassword", "router", {})).rejects.toThrow("router: set COMMUNES_SECRET_ROUTER_PASSWORD (the routerPassword secret) or run on a terminal; passwords are never taken on the command line");
  });
});
