// Key pairs: real key material (checked with OpenSSH's own ssh-keygen when the machine has it), the
// fingerprints EC2 records for created and imported keys, the same key from the same seed, and
// RunInstances' KeyName.
import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateKeyPairCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

const sshKeygen = (() => {
  try {
    execFileSync("ssh-keygen", ["-?"], { stdio: "ignore" });
    return true;
  } catch (e) {
    return (e as { status?: number }).status !== undefined && (e as { code?: string }).code !== "ENOENT";
  }
})();

const colon = (b: Buffer) => [...b].map((x) => x.toString(16).padStart(2, "0")).join(":");
const b64 = (s: string) => Buffer.from(s).toString("base64");

let t: TestLocal;
let ec2: QueryCaller;
let dir: string;
beforeAll(async () => {
  t = await startLocal({ seed: "keys" });
  ec2 = queryCaller(t, "ec2");
  dir = mkdtempSync(join(tmpdir(), "ecs-local-keys-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** The public key line ssh-keygen derives from a private key file, without its comment. */
function derivedPublic(material: string, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, material, { mode: 0o600 });
  return execFileSync("ssh-keygen", ["-y", "-f", file], { encoding: "utf8" }).trim().split(" ").slice(0, 2).join(" ");
}

describe("CreateKeyPair", () => {
  it("makes an RSA key whose PKCS#1 PEM, public key and SHA-1 fingerprint agree", async () => {
    const k = await ec2.call("CreateKeyPair", { KeyName: "rsa-one", TagSpecifications: [{ ResourceType: "key-pair", Tags: [{ Key: "team", Value: "a" }] }] });
    expect(k.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n$/);
    expect(k.KeyPairId).toMatch(/^key-0[0-9a-f]{16}$/);
    const key = createPrivateKey(k.KeyMaterial);
    expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    expect(k.KeyFingerprint).toBe(colon(createHash("sha1").update(key.export({ type: "pkcs8", format: "der" })).digest()));
    expect(k.Tags).toEqual([{ Key: "team", Value: "a" }]);
    const d = await ec2.call("DescribeKeyPairs", { KeyNames: ["rsa-one"], IncludePublicKey: true });
    expect(d.KeyPairs).toEqual([
      { KeyPairId: k.KeyPairId, KeyFingerprint: k.KeyFingerprint, KeyName: "rsa-one", KeyType: "rsa", CreateTime: Date.UTC(2026, 0, 1) / 1000, PublicKey: expect.stringMatching(/^ssh-rsa AAAAB3NzaC1yc2E\S+ rsa-one$/), Tags: [{ Key: "team", Value: "a" }] },
    ]);
    if (sshKeygen) expect(derivedPublic(k.KeyMaterial, "rsa.pem")).toBe(d.KeyPairs[0].PublicKey.split(" ").slice(0, 2).join(" "));
    expect((await ec2.call("DescribeKeyPairs", { KeyNames: ["rsa-one"] })).KeyPairs[0].PublicKey).toBeUndefined();
  }, 30_000);

  it("makes Ed25519 keys in OpenSSH's format and PuTTY's, with base64 SHA-256 fingerprints", async () => {
    const k = await ec2.call("CreateKeyPair", { KeyName: "ed", KeyType: "ed25519" });
    expect(k.KeyMaterial).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/);
    const d = await ec2.call("DescribeKeyPairs", { KeyPairIds: [k.KeyPairId], IncludePublicKey: true });
    const line: string = d.KeyPairs[0].PublicKey;
    expect(line).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\S+ ed$/);
    expect(k.KeyFingerprint).toBe(createHash("sha256").update(Buffer.from(line.split(" ")[1], "base64")).digest("base64"));
    if (sshKeygen) expect(derivedPublic(k.KeyMaterial, "ed.pem")).toBe(line.split(" ").slice(0, 2).join(" "));
    const ppk = await ec2.call("CreateKeyPair", { KeyName: "putty", KeyType: "ed25519", KeyFormat: "ppk" });
    expect(ppk.KeyMaterial.split("\r\n").slice(0, 4)).toEqual(["PuTTY-User-Key-File-2: ssh-ed25519", "Encryption: none", "Comment: putty", "Public-Lines: 2"]);
    expect(ppk.KeyMaterial).toMatch(/\r\nPrivate-MAC: [0-9a-f]{40}\r\n$/);
  });

  it("refuses a name in use; the same seed makes the same key", async () => {
    expect(await ec2.error("CreateKeyPair", { KeyName: "ed" })).toMatchObject({ code: "InvalidKeyPair.Duplicate", message: "The keypair 'ed' already exists." });
    const other = await startLocal({ seed: "keys" });
    try {
      const again = queryCaller(other, "ec2");
      const a = await again.call("CreateKeyPair", { KeyName: "rsa-one" });
      const first = await ec2.call("DescribeKeyPairs", { KeyNames: ["rsa-one"] });
      expect(a.KeyFingerprint).toBe(first.KeyPairs[0].KeyFingerprint);
      expect(a.KeyPairId).toBe(first.KeyPairs[0].KeyPairId);
    } finally {
      await other.close();
    }
  }, 30_000);
});

describe("ImportKeyPair, DescribeKeyPairs, DeleteKeyPair", () => {
  it("imports RSA keys (MD5 of the DER public key) and Ed25519 ones (base64 SHA-256), refusing what is not a key", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = publicKey.export({ format: "jwk" });
    const mpint = (b64url: string) => {
      let b = Buffer.from(b64url, "base64url");
      if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      return Buffer.concat([len, b]);
    };
    const str = (s: string) => Buffer.concat([Buffer.from([0, 0, 0, s.length]), Buffer.from(s)]);
    const blob = Buffer.concat([str("ssh-rsa"), mpint(jwk.e!), mpint(jwk.n!)]);
    const line = `ssh-rsa ${blob.toString("base64")} me@laptop`;
    const imported = await ec2.call("ImportKeyPair", { KeyName: "laptop", PublicKeyMaterial: b64(line) });
    expect(imported.KeyFingerprint).toBe(colon(createHash("md5").update(publicKey.export({ type: "spki", format: "der" })).digest()));
    const pem = publicKey.export({ type: "spki", format: "pem" }) as string;
    const fromPem = await ec2.call("ImportKeyPair", { KeyName: "laptop-pem", PublicKeyMaterial: b64(pem) });
    expect(fromPem.KeyFingerprint).toBe(imported.KeyFingerprint);

    const ed = generateKeyPairSync("ed25519").publicKey;
    const raw = Buffer.from(ed.export({ format: "jwk" }).x!, "base64url");
    const edBlob = Buffer.concat([str("ssh-ed25519"), Buffer.from([0, 0, 0, 32]), raw]);
    const edLine = `ssh-ed25519 ${edBlob.toString("base64")}`;
    const edImported = await ec2.call("ImportKeyPair", { KeyName: "ed-laptop", PublicKeyMaterial: b64(edLine) });
    expect(edImported.KeyFingerprint).toBe(createHash("sha256").update(edBlob).digest("base64"));
    if (sshKeygen) {
      const file = join(dir, "ed.pub");
      writeFileSync(file, edLine + "\n");
      const printed = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", file], { encoding: "utf8" });
      expect(`${printed.split(" ")[1].replace("SHA256:", "")}=`).toBe(edImported.KeyFingerprint);
    }
    expect(await ec2.error("ImportKeyPair", { KeyName: "junk", PublicKeyMaterial: b64("ssh-dss AAAA") })).toMatchObject({ code: "InvalidKeyPair.Format", message: "Key is not in valid OpenSSH public key format" });
    expect(await ec2.error("ImportKeyPair", { KeyName: "laptop", PublicKeyMaterial: b64(edLine) })).toMatchObject({ code: "InvalidKeyPair.Duplicate" });

    const byType = await ec2.call("DescribeKeyPairs", { Filters: [{ Name: "key-name", Values: ["*laptop*"] }] });
    expect(byType.KeyPairs.map((k: any) => [k.KeyName, k.KeyType]).sort()).toEqual([["ed-laptop", "ed25519"], ["laptop", "rsa"], ["laptop-pem", "rsa"]]);
  });

  it("refuses unknown names, deletes idempotently, and launches only with an existing key", async () => {
    expect(await ec2.error("DescribeKeyPairs", { KeyNames: ["nope"] })).toMatchObject({ code: "InvalidKeyPair.NotFound", message: "The key pair 'nope' does not exist" });
    expect(await ec2.error("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, KeyName: "nope" })).toMatchObject({ code: "InvalidKeyPair.NotFound", message: "The key pair 'nope' does not exist" });
    const r = await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, KeyName: "laptop" });
    expect(r.Instances[0].KeyName).toBe("laptop");
    const byKey = await ec2.call("DescribeInstances", { Filters: [{ Name: "key-name", Values: ["laptop"] }] });
    expect(byKey.Reservations[0].Instances[0].InstanceId).toBe(r.Instances[0].InstanceId);
    const byDevice = await ec2.call("DescribeInstances", { Filters: [{ Name: "block-device-mapping.volume-id", Values: [r.Instances[0].BlockDeviceMappings[0].Ebs.VolumeId] }, { Name: "metadata-options.http-tokens", Values: ["optional"] }] });
    expect(byDevice.Reservations.map((x: any) => x.Instances[0].InstanceId)).toEqual([r.Instances[0].InstanceId]);
    const id = (await ec2.call("DescribeKeyPairs", { KeyNames: ["laptop"] })).KeyPairs[0].KeyPairId;
    expect(await ec2.call("DeleteKeyPair", { KeyName: "laptop" })).toEqual({ Return: true, KeyPairId: id });
    expect(await ec2.call("DeleteKeyPair", { KeyName: "laptop" })).toEqual({ Return: true });
    expect(await ec2.error("DescribeKeyPairs", { KeyPairIds: [id] })).toMatchObject({ code: "InvalidKeyPair.NotFound" });
    expect((await ec2.call("DescribeInstances", { InstanceIds: [r.Instances[0].InstanceId] })).Reservations[0].Instances[0].KeyName).toBe("laptop");
  });

  it("answers the SDK v3 client", async () => {
    const client = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const k = await client.send(new CreateKeyPairCommand({ KeyName: "sdk", KeyType: "ed25519" }));
    expect(k.KeyMaterial!.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n")).toBe(true);
    const d = await client.send(new DescribeKeyPairsCommand({ KeyNames: ["sdk"] }));
    expect(d.KeyPairs![0].CreateTime).toBeInstanceOf(Date);
    expect(d.KeyPairs![0].KeyFingerprint).toBe(k.KeyFingerprint);
  });
});
