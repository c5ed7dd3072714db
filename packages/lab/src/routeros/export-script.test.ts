/**
 * The export's line wrapping and quoting against real RouterOS exports
 * (each command's properties given in one line, as the router holds them;
 * the expected lines are the export's own):
 * - Pancho-uy/MK `respaldo.rsc` (RouterOS 6.49.7, an RB951): a bridge;
 * - ripleymj/routerlab `Router-B3.rsc` (RouterOS 6.43.8, an RB941): an ethernet port;
 * - Sbitnev/2023_2024-network_programming-k34202-sbitnev_a_s `lab2/files/chr2.rsc` (RouterOS 7.11.2, a CHR): an OpenVPN client;
 * - specnaz74/mikrotik `minimal_firewall.rsc`: firewall rules with long comments.
 */
import { describe, expect, it } from "vitest";
import { exportValue, wrapCommand } from "./export-script";

const words = (line: string) => line.match(/(?:[^\s"]|"(?:[^"\\]|\\.)*")+/g)!;

describe("the export's lines", () => {
  it("wraps as RouterOS wraps: between properties, or after name= when the name fits, four spaces in", () => {
    const bridge = "admin-mac=64:D1:54:E7:9C:D5 ageing-time=5m arp=enabled arp-timeout=auto auto-mac=no comment=defconf dhcp-snooping=no disabled=no fast-forward=yes forward-delay=15s igmp-snooping=no max-message-age=20s mtu=auto name=bridge priority=0x8000 protocol-mode=rstp transmit-hold-count=6 vlan-filtering=no";
    expect(wrapCommand("add", words(bridge))).toEqual([
      "add admin-mac=64:D1:54:E7:9C:D5 ageing-time=5m arp=enabled arp-timeout=auto \\",
      "    auto-mac=no comment=defconf dhcp-snooping=no disabled=no fast-forward=yes \\",
      "    forward-delay=15s igmp-snooping=no max-message-age=20s mtu=auto name=\\",
      "    bridge priority=0x8000 protocol-mode=rstp transmit-hold-count=6 \\",
      "    vlan-filtering=no",
    ]);
    const ether1 = "advertise=10M-half,10M-full,100M-half,100M-full arp=enabled arp-timeout=auto auto-negotiation=yes bandwidth=unlimited/unlimited disabled=no full-duplex=yes l2mtu=1598 loop-protect=default loop-protect-disable-time=5m loop-protect-send-interval=5s mac-address=B8:69:F4:B6:30:F0 mtu=1500 name=ether1 orig-mac-address=B8:69:F4:B6:30:F0 rx-flow-control=off speed=100Mbps tx-flow-control=off";
    expect(wrapCommand("set [ find default-name=ether1 ]", words(ether1))).toEqual([
      "set [ find default-name=ether1 ] advertise=\\",
      "    10M-half,10M-full,100M-half,100M-full arp=enabled arp-timeout=auto \\",
      "    auto-negotiation=yes bandwidth=unlimited/unlimited disabled=no \\",
      "    full-duplex=yes l2mtu=1598 loop-protect=default \\",
      "    loop-protect-disable-time=5m loop-protect-send-interval=5s mac-address=\\",
      "    B8:69:F4:B6:30:F0 mtu=1500 name=ether1 orig-mac-address=B8:69:F4:B6:30:F0 \\",
      "    rx-flow-control=off speed=100Mbps tx-flow-control=off",
    ]);
    const ovpn = "certificate=profile-3937261090470544774.ovpn_1 cipher=aes256-cbc connect-to=158.160.105.75 mac-address=02:6E:04:8E:2B:C2 name=ovpn-out1 port=443 user=ros";
    expect(wrapCommand("add", words(ovpn))).toEqual([
      "add certificate=profile-3937261090470544774.ovpn_1 cipher=aes256-cbc \\",
      "    connect-to=158.160.105.75 mac-address=02:6E:04:8E:2B:C2 name=ovpn-out1 \\",
      "    port=443 user=ros",
    ]);
    expect(wrapCommand("add", words('action=accept chain=forward comment="accept established,related, untracked" connection-state=established,related,untracked'))).toEqual([
      "add action=accept chain=forward comment=\\",
      '    "accept established,related, untracked" connection-state=\\',
      "    established,related,untracked",
    ]);
    expect(wrapCommand("add", words('action=drop chain=input comment="drop all not coming from LAN" in-interface=!bridge'))).toEqual([
      'add action=drop chain=input comment="drop all not coming from LAN" \\',
      "    in-interface=!bridge",
    ]);
  });

  it("writes values bare when it can, quoted with RouterOS's escapes otherwise", () => {
    expect(exportValue("!bridge", false)).toBe("!bridge");
    expect(exportValue("10.0.0.0/8,172.16.0.0/12", false)).toBe("10.0.0.0/8,172.16.0.0/12");
    expect(exportValue("to sw-LAN-C", false)).toBe('"to sw-LAN-C"');
    expect(exportValue("", false)).toBe('""');
    expect(exportValue('say "hi" for $5?', false)).toBe('"say \\"hi\\" for \\$5\\?"');
    expect(exportValue("Thiệu", false)).toBe('"Thi\\E1\\BB\\87u"');
    expect(exportValue("true", true)).toBe("yes");
    expect(exportValue("false", true)).toBe("no");
  });
});
