-- A state enterprise under the Sở (issue 19): a unit whose director decides the awards of Luật 06/2022 art. 80(4).
ALTER TYPE "OrgKind" ADD VALUE 'ENTERPRISE';
