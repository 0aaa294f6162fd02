-- A database as the original Next.js + Prisma system left it on MySQL or
-- MariaDB: the DDL `prisma migrate dev` generated as
-- prisma/migrations/20251101125707_init/migration.sql, Prisma's own
-- _prisma_migrations table with the row for that migration, a table of the
-- original's own ("BlogPost", outside the shared schema), and some rows.
-- Backticks and single-quoted strings only, so it loads with or without
-- ANSI_QUOTES.
--
-- Passwords of the users (bcrypt, cost 10, as bcryptjs writes them):
--   admin@smmm-system.example  Admin123!         ($2a$)
--   ayse.yilmaz@example.com    client-pass-2024  ($2b$)
--
-- PrismaFixture's loader splits this file into statements at lines that end
-- with ';', so no line inside a statement may end with one.

-- CreateTable
CREATE TABLE `User` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NULL,
    `email` VARCHAR(191) NOT NULL,
    `emailVerified` DATETIME(3) NULL,
    `password` VARCHAR(191) NOT NULL,
    `role` ENUM('ADMIN', 'CLIENT') NOT NULL DEFAULT 'CLIENT',
    `image` LONGTEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `User_email_key`(`email`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Account` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `type` VARCHAR(191) NOT NULL,
    `provider` VARCHAR(191) NOT NULL,
    `providerAccountId` VARCHAR(191) NOT NULL,
    `refresh_token` TEXT NULL,
    `access_token` TEXT NULL,
    `expires_at` INTEGER NULL,
    `token_type` VARCHAR(191) NULL,
    `scope` VARCHAR(191) NULL,
    `id_token` TEXT NULL,
    `session_state` VARCHAR(191) NULL,

    UNIQUE INDEX `Account_provider_providerAccountId_key`(`provider`, `providerAccountId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Session` (
    `id` VARCHAR(191) NOT NULL,
    `sessionToken` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `expires` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Session_sessionToken_key`(`sessionToken`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `VerificationToken` (
    `identifier` VARCHAR(191) NOT NULL,
    `token` VARCHAR(191) NOT NULL,
    `expires` DATETIME(3) NOT NULL,

    UNIQUE INDEX `VerificationToken_token_key`(`token`),
    UNIQUE INDEX `VerificationToken_identifier_token_key`(`identifier`, `token`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ContactMessage` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `email` VARCHAR(191) NOT NULL,
    `phone` VARCHAR(191) NOT NULL,
    `subject` VARCHAR(191) NOT NULL,
    `message` TEXT NOT NULL,
    `status` ENUM('NEW', 'PENDING', 'REPLIED', 'RESOLVED') NOT NULL DEFAULT 'NEW',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AboutSection` (
    `id` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NOT NULL,
    `subtitle` TEXT NULL,
    `description` TEXT NOT NULL,
    `image` LONGTEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AboutFeature` (
    `id` VARCHAR(191) NOT NULL,
    `sectionId` VARCHAR(191) NOT NULL,
    `icon` VARCHAR(191) NULL,
    `title` VARCHAR(191) NOT NULL,
    `description` TEXT NOT NULL,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Account` ADD CONSTRAINT `Account_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Session` ADD CONSTRAINT `Session_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `AboutFeature` ADD CONSTRAINT `AboutFeature_sectionId_fkey` FOREIGN KEY (`sectionId`) REFERENCES `AboutSection`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- Prisma's bookkeeping table, as the schema engine creates it.
CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
VALUES ('0b6c3a1e-5d2f-4c8e-9a71-3f2d8e6b4c19', '9f2b7c4e1d8a6b3f0e5c2a9d7b4f1e8c6a3d0b5f2e9c7a4d1b8f6e3c0a5d2b9f', '2025-11-01 12:57:07.412', '20251101125707_init', NULL, NULL, '2025-11-01 12:57:07.301', 1);

-- A table of the original's own, created by hand later; smmm must leave it alone.
CREATE TABLE `BlogPost` (
    `id` VARCHAR(191) NOT NULL,
    `slug` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NOT NULL,
    `content` TEXT NOT NULL,
    `authorId` VARCHAR(191) NULL,
    `published` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `BlogPost_slug_key`(`slug`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `BlogPost` ADD CONSTRAINT `BlogPost_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

INSERT INTO `User` (`id`, `name`, `email`, `emailVerified`, `password`, `role`, `image`, `createdAt`, `updatedAt`) VALUES
('cmhfz1k2a0000l8q3admin0001', 'Sistem Yöneticisi', 'admin@smmm-system.example', NULL, '$2a$10$srwJX0TSNCk2dFghHiX9Fet.dos1R1sbwXrXbi37RfN9yMI8ydAqO', 'ADMIN', NULL, '2025-11-01 13:02:11.120', '2025-11-01 13:02:11.120'),
('cmhfz1k2a0001l8q3client002', 'Ayşe Yılmaz', 'ayse.yilmaz@example.com', '2025-11-02 08:15:42.007', '$2b$10$hjVAx3ns82xSXu0ieXWMtOiTjh4ciQ5m3UVCYAPbdZA55gTBfQ13.', 'CLIENT', 'https://example.com/avatars/ayse.png', '2025-11-02 08:14:03.551', '2025-11-03 10:20:30.999');

INSERT INTO `Account` (`id`, `userId`, `type`, `provider`, `providerAccountId`, `refresh_token`, `access_token`, `expires_at`, `token_type`, `scope`, `id_token`, `session_state`) VALUES
('cmhfz1k2a0002l8q3account01', 'cmhfz1k2a0001l8q3client002', 'oauth', 'google', '104857600000000000001', NULL, 'ya29.a0Af-fixture-token', 1762160000, 'Bearer', 'openid email profile', NULL, NULL);

INSERT INTO `Session` (`id`, `sessionToken`, `userId`, `expires`) VALUES
('cmhfz1k2a0003l8q3session01', 'b7e1c9a2-4f3d-4e8a-9c6b-2d1f0e9a8b7c', 'cmhfz1k2a0001l8q3client002', '2025-12-02 08:15:42.007');

INSERT INTO `VerificationToken` (`identifier`, `token`, `expires`) VALUES
('ayse.yilmaz@example.com', '5d1c0f3e9b8a7c6d5e4f3a2b1c0d9e8f', '2025-11-03 08:15:42.007');

INSERT INTO `ContactMessage` (`id`, `name`, `email`, `phone`, `subject`, `message`, `status`, `createdAt`, `updatedAt`) VALUES
('cmhg0a1b20000m9r4contact01', 'Mehmet Öztürk', 'mehmet.ozturk@example.com', '+90 532 111 22 33', 'Şirket kuruluşu', 'Merhaba, limited şirket kuruluşu için gereken belgeler nelerdir? Ücretiniz hakkında bilgi alabilir miyim?', 'NEW', '2025-11-04 09:30:00.125', '2025-11-04 09:30:00.125'),
('cmhg0a1b20001m9r4contact02', 'Gülşen Çağlar', 'gulsen.caglar@example.com', '0212 555 44 33', 'Beyanname desteği', 'İstanbul''daki işletmem için KDV beyannamesi ve e-defter konusunda desteğe ihtiyacım var.', 'PENDING', '2025-11-05 14:45:10.500', '2025-11-06 08:00:00.000'),
('cmhg0a1b20002m9r4contact03', 'İbrahim Şahin', 'ibrahim.sahin@example.com', '+90 (505) 987 65 43', 'Bordro hizmeti', 'Teşekkürler, bordro hizmeti teklifinizi aldık; sorunumuz çözüldü.', 'RESOLVED', '2025-11-06 17:05:59.999', '2025-11-07 11:11:11.111');

INSERT INTO `AboutSection` (`id`, `title`, `subtitle`, `description`, `image`, `createdAt`, `updatedAt`) VALUES
('cmhg0b2c30000n0s5about0001', 'Hakkımızda', 'Güvenilir mali müşavirlik', 'İşletmenizin muhasebe, vergi ve danışmanlık ihtiyaçlarını özenle karşılıyoruz. Güçlü ekibimizle doğru çözümler üretiyoruz.', '/images/about.jpg', '2025-11-01 13:20:00.000', '2025-11-08 09:00:00.000');

INSERT INTO `AboutFeature` (`id`, `sectionId`, `icon`, `title`, `description`, `isActive`, `order`) VALUES
('cmhg0b2c30001n0s5feature01', 'cmhg0b2c30000n0s5about0001', 'shield', 'Güvenilirlik', 'Yılların deneyimiyle işletmenizin yanındayız.', true, 0),
('cmhg0b2c30002n0s5feature02', 'cmhg0b2c30000n0s5about0001', 'chart', 'Şeffaf Çözümler', 'Her adımı açıkça paylaşıyor, sürprizlere yer bırakmıyoruz.', true, 1),
('cmhg0b2c30003n0s5feature03', 'cmhg0b2c30000n0s5about0001', NULL, 'Öğrenci İndirimi', 'Genç girişimcilere özel ücretsiz ön görüşme (şu an pasif).', false, 2);

INSERT INTO `BlogPost` (`id`, `slug`, `title`, `content`, `authorId`, `published`, `createdAt`) VALUES
('cmhg0c3d40000p1t6blog00001', 'kdv-oranlari-2025', 'KDV oranları 2025', 'Güncel KDV oranları ve istisnalar üzerine kısa bir özet.', 'cmhfz1k2a0000l8q3admin0001', true, '2025-11-09 10:00:00.000');

-- The rest of the init migration's tables (client portal and site content).

-- CreateTable
CREATE TABLE `Client` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `companyName` VARCHAR(191) NOT NULL,
    `taxNumber` VARCHAR(191) NOT NULL,
    `phone` VARCHAR(191) NULL,
    `address` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `Client_userId_key`(`userId`),
    UNIQUE INDEX `Client_taxNumber_key`(`taxNumber`),
    PRIMARY KEY (`id`),
    CONSTRAINT `Client_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Announcement` (
    `id` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NOT NULL,
    `message` TEXT NOT NULL,
    `type` ENUM('INFO', 'WARNING', 'REMINDER', 'URGENT') NOT NULL DEFAULT 'INFO',
    `targetAll` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `AnnouncementClient` (
    `id` VARCHAR(191) NOT NULL,
    `announcementId` VARCHAR(191) NOT NULL,
    `clientId` VARCHAR(191) NOT NULL,
    `read` BOOLEAN NOT NULL DEFAULT false,

    UNIQUE INDEX `AnnouncementClient_announcementId_clientId_key`(`announcementId`, `clientId`),
    PRIMARY KEY (`id`),
    CONSTRAINT `AnnouncementClient_announcementId_fkey` FOREIGN KEY (`announcementId`) REFERENCES `Announcement`(`id`) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT `AnnouncementClient_clientId_fkey` FOREIGN KEY (`clientId`) REFERENCES `Client`(`id`) ON DELETE CASCADE ON UPDATE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Declaration` (
    `id` VARCHAR(191) NOT NULL,
    `clientId` VARCHAR(191) NOT NULL,
    `period` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NULL,
    `pdfUrl` VARCHAR(191) NOT NULL,
    `uploadedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`),
    CONSTRAINT `Declaration_clientId_fkey` FOREIGN KEY (`clientId`) REFERENCES `Client`(`id`) ON DELETE CASCADE ON UPDATE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Reminder` (
    `id` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NOT NULL,
    `message` TEXT NOT NULL,
    `date` DATETIME(3) NOT NULL,
    `completed` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Collection` (
    `id` VARCHAR(191) NOT NULL,
    `clientId` VARCHAR(191) NOT NULL,
    `amount` DECIMAL(10,2) NOT NULL,
    `type` ENUM('INCOME', 'EXPENSE') NOT NULL DEFAULT 'INCOME',
    `date` DATETIME(3) NOT NULL,
    `note` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`),
    CONSTRAINT `Collection_clientId_fkey` FOREIGN KEY (`clientId`) REFERENCES `Client`(`id`) ON DELETE CASCADE ON UPDATE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `SiteSettings` (
    `id` VARCHAR(191) NOT NULL,
    `siteName` VARCHAR(191) NOT NULL DEFAULT 'SMMM Ofisi',
    `siteDescription` TEXT NULL,
    `favicon` LONGTEXT NULL,
    `brandIcon` LONGTEXT NULL,
    `phone` VARCHAR(191) NULL,
    `email` VARCHAR(191) NULL,
    `address` TEXT NULL,
    `mapLatitude` VARCHAR(191) NULL,
    `mapLongitude` VARCHAR(191) NULL,
    `mapEmbedUrl` TEXT NULL,
    `facebookUrl` VARCHAR(191) NULL,
    `twitterUrl` VARCHAR(191) NULL,
    `linkedinUrl` VARCHAR(191) NULL,
    `instagramUrl` VARCHAR(191) NULL,
    `youtubeUrl` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `HeroSection` (
    `id` VARCHAR(191) NOT NULL,
    `title` VARCHAR(191) NOT NULL,
    `subtitle` TEXT NOT NULL,
    `description` TEXT NULL,
    `buttonText` VARCHAR(191) NULL,
    `buttonUrl` VARCHAR(191) NULL,
    `image` LONGTEXT NULL,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `ClientLogo` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `description` TEXT NULL,
    `url` VARCHAR(191) NULL,
    `logo` LONGTEXT NOT NULL,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Service` (
    `id` VARCHAR(191) NOT NULL,
    `icon` VARCHAR(191) NULL,
    `title` VARCHAR(191) NOT NULL,
    `description` TEXT NOT NULL,
    `features` TEXT NULL,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `WorkflowStep` (
    `id` VARCHAR(191) NOT NULL,
    `icon` VARCHAR(191) NULL,
    `title` VARCHAR(191) NOT NULL,
    `description` TEXT NOT NULL,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PricingPlan` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `price` VARCHAR(191) NOT NULL,
    `period` VARCHAR(191) NOT NULL DEFAULT 'ay',
    `description` TEXT NULL,
    `isPopular` BOOLEAN NOT NULL DEFAULT false,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `PricingFeature` (
    `id` VARCHAR(191) NOT NULL,
    `planId` VARCHAR(191) NOT NULL,
    `text` VARCHAR(191) NOT NULL,
    `isIncluded` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY (`id`),
    CONSTRAINT `PricingFeature_planId_fkey` FOREIGN KEY (`planId`) REFERENCES `PricingPlan`(`id`) ON DELETE CASCADE ON UPDATE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Testimonial` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `position` VARCHAR(191) NOT NULL,
    `company` VARCHAR(191) NULL,
    `content` TEXT NOT NULL,
    `avatar` LONGTEXT NULL,
    `rating` INTEGER NOT NULL DEFAULT 5,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `TeamMember` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `position` VARCHAR(191) NOT NULL,
    `bio` TEXT NULL,
    `avatar` LONGTEXT NULL,
    `email` VARCHAR(191) NULL,
    `phone` VARCHAR(191) NULL,
    `linkedinUrl` VARCHAR(191) NULL,
    `isActive` BOOLEAN NOT NULL DEFAULT true,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `FAQCategory` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `slug` VARCHAR(191) NOT NULL,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    UNIQUE INDEX `FAQCategory_name_key`(`name`),
    UNIQUE INDEX `FAQCategory_slug_key`(`slug`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `FAQ` (
    `id` VARCHAR(191) NOT NULL,
    `categoryId` VARCHAR(191) NOT NULL,
    `question` VARCHAR(191) NOT NULL,
    `answer` TEXT NOT NULL,
    `order` INTEGER NOT NULL DEFAULT 0,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`),
    CONSTRAINT `FAQ_categoryId_fkey` FOREIGN KEY (`categoryId`) REFERENCES `FAQCategory`(`id`) ON DELETE CASCADE ON UPDATE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Message` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `subject` VARCHAR(191) NOT NULL,
    `message` TEXT NOT NULL,
    `read` BOOLEAN NOT NULL DEFAULT false,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`id`),
    CONSTRAINT `Message_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Settings` (
    `id` VARCHAR(191) NOT NULL,
    `companyName` VARCHAR(191) NOT NULL,
    `logo` VARCHAR(191) NULL,
    `taxNumber` VARCHAR(191) NULL,
    `email` VARCHAR(191) NULL,
    `phone` VARCHAR(191) NULL,
    `address` TEXT NULL,
    `smtpHost` VARCHAR(191) NULL,
    `smtpPort` INTEGER NULL,
    `smtpUser` VARCHAR(191) NULL,
    `smtpPass` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `JobApplication` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `email` VARCHAR(191) NOT NULL,
    `phone` VARCHAR(191) NOT NULL,
    `position` VARCHAR(191) NOT NULL,
    `experience` VARCHAR(191) NOT NULL,
    `education` VARCHAR(191) NOT NULL,
    `coverLetter` TEXT NULL,
    `cvFileName` VARCHAR(191) NULL,
    `cvFileData` LONGTEXT NULL,
    `cvMimeType` VARCHAR(191) NULL,
    `status` ENUM('NEW', 'REVIEWING', 'INTERVIEWED', 'ACCEPTED', 'REJECTED') NOT NULL DEFAULT 'NEW',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `QuoteRequest` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `email` VARCHAR(191) NOT NULL,
    `phone` VARCHAR(191) NOT NULL,
    `company` VARCHAR(191) NOT NULL,
    `serviceType` VARCHAR(191) NOT NULL,
    `message` TEXT NULL,
    `status` ENUM('NEW', 'PENDING', 'REVIEWED', 'CONTACTED', 'COMPLETED') NOT NULL DEFAULT 'NEW',
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Rows in every content table, as the original's admin panel writes them:
-- base64 PNG data: URLs in the image columns, a 273-character subtitle,
-- Service.features as JSON text, a CV as plain base64.

INSERT INTO `SiteSettings` (`id`, `siteName`, `siteDescription`, `favicon`, `brandIcon`, `phone`, `email`, `address`, `mapLatitude`, `mapLongitude`, `mapEmbedUrl`, `facebookUrl`, `twitterUrl`, `linkedinUrl`, `instagramUrl`, `youtubeUrl`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000000settings0001', 'Öztürk Mali Müşavirlik', 'İzmir''de 15 yıllık deneyimle muhasebe ve vergi danışmanlığı.', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAAR1klEQVR4nA3VjYOK9wMA8C8loqRoUttD1jyUyEpqslY8lmUPJaKk4zjdPHN222OX4+ZyOo7Tbc92dvZwOY7L6ThOx8Nhy+RliOVtFvKyl9CwWcj4/T7/xAcAANiAJgQMGDBVgGUAHBTwnIDvAQIciHwACgAxCSQhAEeANArkcaBIAmUaqLNASwc6LtBDwCgDiAaYEGC2AtQNLBiweYHdDxwEcAVBXhjkU6AgBgoTAEuBogwozgEcdGXT+rCBmM0cxmaMZnNMbNZUNn8Om1fEFi1lC1azxbVsaAsb3s2WdLDlp9jSy2zlHbbiEVv7kq3uwdYL2Lq32MjbbKOebZ7INs1gWwrY6Kds+3K2rZrt2sB2bGfnt7HzvmcXnmUXXGMX/cHGnrDxzuxi0FPIEAmZg4VgpJBmFPImCfkzhaxCIWexEFohFNcIBRuFoh1CabtQfkwoOS+ErwvV94Tap0JFF6GSJzT2FyJDhTqtUD9eiE4RWvKEpo+F5iVCR6XQ9bXQtllobxEWHBQWnhDmXRTm3xIW/yXEXwgxprAI8GHmQJgxHKbpYDAB5k+DefkwZxHMWgaLq2BoPSzaCgtaYflhWHoahq/Akruw9jGsfgUrWbCiH4wMgo1KWP8erPsQtjhgdD5s/gw2lcOudbDjO9jeBNv2wYU/wAXn4Pxf4bw/YfxfuJgGF/WCMfC6ijVExVGreGNV/Mkq4FLRPlIxPlcxK1SSL1XwJpW0WSXfrxL8qBJdUEE3VOL7Kt0zlZ6hMvZWIQNUCrlK+Y5K/b5Ka1PZZqvsC1WOUpVrlcr0jcrcoEJ3qSyHVNhJVdElVfFtFf5QlfefKr+7qqCvqhC8aeAoDKwxBv4HBp7dQJtrAJ8YmGUGxhoD/K1B0miQ7zFIjxhEPxkEVw3i3wzQ3wY9MOjYBkRoMMIGpcqgMBi0qEHtNNg9BhtucPkMjoDBTBpMIYMlYkCjhqK4AUsa8LShOGvIpxvyuIZCyFAApChvFMofh7IsKGcWyliAMktQsBKlfYVK61H5TlRyAIWPo9DPqPgmKniAip6jxq4o0gfViVH9MFQ9GtWaUMVUVDkHdRShrqWobTVqr0XRLahlN2rqQM2n0OLLKH4HxR6hRS/Rgh5ooQDNewvNByOc/HedPLOTM93JmudkFjsZXzhpa52gzinf5pTudcJHnZIzTvEvTuh3p+gfp6CTE+npNIqc+sFO3Uin1uhUT3IqZzoVhU7XYqdjhdNe47RtdFp2ONF2p/mY03TeiV93Ft9zFj11Yl2chTxnQX9n/lBnHtB4BIhHZPVAbo8Y80i8HtjvkRIeedADwh4a5WHEPMyEh5XycDIeXs7D7+Yx8T3mgR50uMei89gmeOzTPI58j2uRR7HMo6zyqNd7tFs9ulaP/rDHeNqDXPGU3PWUPvaUvfKUszwV/TyVgzxVSk810OOiibhgBi4uwKFPcXg5LqnG5Rtw6Xac1oaD73HmWZxxDef8gbOe4PzOOI+Dm1/HTUNwixpHx+L2ybjNhbs+wh2f48oKXPElrt2Eq5tx/X5c9yOOXMCNN/DS+3jJM7ycgZf1xisH4BVyvPodvAqM90FTfOI8n+Bjn2iJT1rpk3/tk2z2wS0+xkEf84QPXPTRbvl4f/n4L3wspo/zmg9902dR+ExjfOYPfA67zzXXZ/vEZy/zqdf4tN/6FI0+5R6f8YgP+cmnu+rT/+Yr+9tXDnwlbF+p0FcF+6pVvgqDrxJ8GBA7AtD8gOizgKA8IF8XkH4XgJsCkn0B5g8BxrkA7dcA+DPA/zfAowU4vQKsNwIWaQAdFTCPC5gsAdesgGNBwF4SsK0MaL8KqOsDyp0BxYEAcjxg/DmgvxnQPQiUPw+UdQ2U9gmUiAPVwwJVowOVpkAFsJGS2SS8kJSWkvJVpOAbUtRAQrtI8SGSdZLkXCJ5t0n+QxL8R9K6k4y+JFNC2kaQ9ndJh5l0TSdN80hzMYl+QVrWkro6Ur+NNO4lkaOk4gyp/IVU/05q/yErOpGVPckqEVk9mCwZSZYaybJJZDlwhmBPSIKH5L6QNBASkSFBKCSOhKBoiBMPsZIhfjrEy4Zo9BDghphQiCEL2TUhGxJyWUMOd8iMhUzekMUfQomQPhjShUMIFTLGQspESJEKaTMhdS5U2S1UwQ9VDwxVDQ+V6kIlE0Ll00JlYE5EWhSRL41IVkfg2gi0JSLeHRF0RESnIrzLEf6dCOtRhPMywugRYQoi4K0I7e2IQx9xTYzYZkTsBRH004hlecRUHTFviBi3R5C2iO77iP5sRH0tov0jongSUXaOVHEi1a9HKoZEKtWRsrGR8smRElekFBRG5Yuj0hVRuCYq2RgV74hC7VHRsajgfJR/Pcq7F+U8jbK6RJm8KKN/lDY0CrRR1/ioY0rUnhe1fRy1LImilVHz11HT5ijSEjUejOpPRHUXo9pbUfVfUeWLqIIZrX4tWvVmtFIRrRgTLf8gWmaPls6NloBFccWyuLIqrl4f126N61rj+sNx4+k4ciVuuhs3P46jr+IWVtzWL24fFHco46734uDDOM0RZ8yPMz+Ls8rjnHVx3ndxflNcsC8u+iEOnYuLf41L/ozD/8altLi8V7zmjTghjdeOiteNi5OWeP2seMOCeCP4PKmsSCq+TGo3JdXNSf3+pO7HJHIhabyRNN9Pmp4lLYwk2jtpH5C0yZOud5KO95M0WxLMTjIXJhmlSc6qJOubJL8hyduVFB1KCk4mxZeS0O0k/DAp+S8p756U9k0SkmTNiGTdu8lac7J+epKcl2wsTjaAsrR6TVr7bVrRmFbuSRuPpJGf0rqraf1vafTvtAWkTey0WZh2wGmXKm0zpO1omuFMMz1pgKdpvjQvkOaTaVYozYmkoWhaHE8LkmlROi3NpuX0tISbhqF0rSxdp0nXIGnCmm5wpxuxNOlN14OVWe1XWXV9VrkzqziQRY5njT9n9TezugdZy/Ms2jVr7pM1ibOuYVnH6KzdlLVNzTLnZBlFWdrSLFid5ddmeVuynN1ZVkdWfCoLXc6K7mQFj7Lyl1lpjywsyEreyta9na3VZ4mJ2ZoZ2caCbMOn2frlWRKspevq6PptdONeOnKUrjhDV/5CV/9O1/5Dt3Wi23vSHSK6azDdNJJuNtLRSXTLTDqrkM5ZTOetoPNr6GAjnbaDzminM4/RJefp8HW69B5d/pQu6EIX8ehQf7p4KJ3U0uvH0xum0Bvz6DUf04kl9NpKeh0guPogVxfmIhTXGOMqE1xFiqvNcNU5rr0b18bnugZyHcO5Zh3XNIFrmcZF87mcRVzWMi6/istbz6Vt5YJWLvMwl3GaC1/hSu5y5Y+50ldcEYsr6McVD+JCSm79e1zyQ26jg9swn0t8xq0p59at49aCDZBxO4S0QbrvIf1ZSH0N0v4BKZ5Ays6QgwO5XodsQyC7GkLHQpbJkMkFmT+CeJ9D/AqI9SXE2QQxmiHmfgj8CNEuQNIbkPw+JHkGwQwI6g2JB0ACOSR6B2p4H2q0QeRsqH4hVFsK1a2Car6BCLBZhrTIjAdl+hMy3UWZ9pZM/ZdM+UKmYMpcr8kcb8rsCpltjMzygQy1y8xzZaZPZPwyGW+NjPOtjNUoY+6RMY7IaD/JwFWZ/DeZ9G8ZDGQStkwslEGwTKSSCQyyRlTW4JTVe2QkLqvzyWoDMoKU1YAmjWmfxvyDBj2nsfyqsf2psf+rcdA0rl4axRsapVSjHqXRjtPoLBr9LI1xgQYp0QhWakRfaaB6jXinRnJAAx/XSH/WyG9qwAMN7bmG0VXD7KNhiTWcYRreaA3fpGmaqmmeo2kp0rQu1bSt1rTXaqgtmg6wCzEfQkwnEcslBL2N2B8itv8QV3fE0RdRShDFCET7LqI2I/rpiG4eghQjxi8Q0VpEUIeItyHQXgQ+ikjOIPJfEOnvCO0fBHRCmD0RhgjhDEZYIxG+EeFNQppnIk2FSOtipGUF0l6DtG1EOnYgFIhY0ajVEreaklZz2urIWl10q41rtUNWtcyq1VgViFVptRrdVgSz6rxWvd8KEVZx0CoIW0WUVRqzyhNWScoKZ6yMnJXZzQr4VtpAK2+4la+zsiZYOdOsLfnW1kXWpmXW5iortd7asdXa1mptBx1uyyk3etltvuM2PXK7XrodPdx2gdv2llv7tlutdysnuhUz3EiB2/ipW7/crat2ize4oe1uUZtb8L1bftYtveaG/3BLnriZnd0Mjpv2uhsMcfPVbt5YN2eym+Vyt37kbvnc3VzhbvrS3bHJTTW72/e728AxzHYes1/HHPcw11PM1AUz8zC0P2YZium0mH48ZpyCIXmY4mNMuQRTV2LarzHJZgxuwaQHMfkJTHARE93CoL8w8QuMxcQ4r2G8NzG+AgNjMNoHGMOOMedibZ9g7WUYtQbr+BZrasSa92AtR7BWcNprv+K13fW6Hnsdr7xmltfUz2sZ5EWVXv17Xt2HXsThNc73Kj/zKsq92nVe9XdeuMkr2eeV/+CVnvOKfvUK/vSK//VCNC+nl5f1hpcv9fJGeWnjvMDiZc7yMhZ420u8bSu9HV95qXpv805v0wFv63FvC7jgd9zwu+77bc/8doYf7e23DPCb5H7zO37j+37E5tfN9usX+tWlfu0qv+Ibv7LBL93llx/yS0764Ut+6LZf/NAv+M8v6u7n9fXzJX7WCD/nXT/D7GdO94N5flqxn/rC37HW31bnb9/mb9nrbz3qbzrjbwZXCddvhONvwg4IG5uwCAkUJswqwmQgEJQwOgm9h9DhhNZHqAOEkiQUIUIeIaRRAo7/fx1CnCagLCGiEwIuwYcInozgaAgWQjCtBMNN0DACeIkOP0ERRHuQaAsTrRTREiOaE0QTuBnMexDMfx4s6Bos7BPExMGiYcHi0UHcFCyZGiydEywrCpYvDVasDlbWBqu2BKt3B2s6gsSpYO3lYN2dIPkoWP8y2NAj2CgINr0VbH472KIPtk4Mts0IthcEqU+DHcuDoDpI2xBkbA8y24Ks74Ocs0HetSAf/B7O/yec1ylc2DNcIAoXDQ5jI8O4MVw8KVw6M1xSGC5fHC5bEa6sCVdsDFfvCFe1h4lj4Zrz4brr4dp74fqnYbJLuJEXbugfbh4abtKGW8eHW6aE2/PCbR+HO5aEqcow7esw2BxmtoQZB8OcE2HWxTD/VpgHMlRBjirsRuXxqfyBVPFwCtdR2ASqaBpVlk+VL6JKllGlVVTVeqp6K1XRSlUepmpPU3VXqJq7FPGYanhFNbIosh9VP4hqUVKt71FNH1LNDoqaT3V8RrWVU+3rKMZ3FLOJAvso2g8U7xzF/5Vi/UlxwJNYYedYASeW/3osb0gMV8eKx8aKJscwV6z8o1jZ57HSiljJl7HqTbGq5ljl/ljFj7G6C7HaGzHifqzmWayREWvoHasfECPlsdZ3Yi3vx5ptsabZsY6FMao01r4q1vZNjNkQY+yK0Q7FwMkY/1KMdzvGeRhjgRcJjJkoei1R/GYCVyTyxiTyP0gU2BOFcxMVnyQqyxJVaxLV3yZKGhOlexJlRxLlPyXIq4n63xINfycaQaKGnSCEiVo4UadKtBkS7WiCciY6PIkmPNHsS7QEEq1kghVKcCIJXjTBjydAMkFLJxjZBBPQUkW9UtgbKVyaKh6Vyh+XyrOkCmelChakKktSFStT1V+lqupTpTtTJQdS5cdTZT+n6m+myAepxuephq4pok+qRpyqG5aqHZ1qN6XapqY65qSoolTz0lTT6lRrbaplS4qzO8XqSPFPpXiXU7Q7KfAoxXyZYoDumeK+GVySwUZkit7NFJgzhdMzefMy+cWZqi8y1WszFXWZym2Zsr2Z8qOZkjOZ0l8yDb9nGv/JkJ0y9T0ztaJM3eBMzcgMYcxQkzIdMzNthZn2xZmWFZnWmkzTxkzzjgyvPcM/lmGdz3CuZxj3MsynGdAlQwPcHA7limW5Ik0OQ3KF1lyBO5eP5fK8uWp/rorIVQZzFeFcOZUri+VKE7mSVK4xk2vI5eq75Uh+rm5grnZ4jtDlaibkOqblqPxc+6Jc27Jca1WuZX2ueWuuqTXHP5zjnc5xruRYd3PMxznGqxyNlQP/A8+ZBvklAi3nAAAAAElFTkSuQmCC', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAARyklEQVR4nAXBDYBKdwAA8L810Ravoq2J9BLRNNWbyCJeRUSWXppobq7edtvN2fF6x3Ecp5fjOI6rx3HcHFfHcRzHy5nN2Eft+3tqPvblqzDfX7XfDwAA+IAlA2wEcMyA6wIQDgQkEIaAiAbiGJDEAZwE8jRQZIEyD1Q8oIYBogU6E9BjwOAHxgBAKWCJAGsU2BhgTwBHCmAZ4M4BDwS8UlCgAYUowJ2gyAeKCVASBKVhQIAefJaID4bxOWP4bBsfmsPnvs8XVvAFG/jinXxROx/+hC/5ga/4iy+/y1ex+coX+chQvlrP10/h62bzjcV8wzK+ZT0fbeTbDvKtH/Md3/Ptf/Ldd/hYd773Bb5HwS8czS+YzC/y8PH3+CVL+cU1fGIHvxT0lrEHyjhqGZggY82QCQplwkUy7moZVC+T7JXBx2SiL2Ti32XKazLVE5m8l0whkelGyPTjZWqHDJknQxfKLFUywxaZcY/M3ilzfC6z/iazXZV5Hsu8XBk2QOZ+RYYbZUWvywrekhWWykpXyYjNsuJmWQkQIpwhCHsUwrIiYBYifBcRlCPQOoS7HYHbEMlHiPhbRHQRUf2HKFmIoi8iH4zodYhuEoK8gaiLEMsSBF2LGBsQw37EcRKxf4PYLiDWW4j3GcTTB3HLEWwkUjQRwd1I4TtIwWKEqEZKtyEl+5Bi0N/MVZmhcWbBdLOwwAw+MLNWmtl1Zs5us/yIWXHWrPzFrLpsFj00i58zS8RmeLjZMNZstJvRuWbLArO60oxsMus+NOs7zNgZs/tns+dfs/eB2cox2/qZ7S+bHQZz8TRzyZvm0hIzscJcsNFc2GTGD5uLwCAX9KqLa3EJZ7oEb7tYZS6wxsXZ6mK3uhQnXPKvXKo/XMobLjFwifguWOaSIC6j2WVwuSy4CyVdSMilpl36mEsXd7mTLizt8mZdnrzLxnNZYZdD67KbXCWYq9jvIgKuUspVGHEVRF1FjAsHSlzwGi6cinO9ODQfZy/HObU42IWzDuHK07jqR1z+N664h0t64LAIFw3DxWNw1IZb5uCG93FjBa7bgOt34up2HPkE9/yAe//Csbu4m43bX8QdQ3GrHrdNwUtn40QxXrwML1mP44140UG84GO8EGhIIUoKnCTkI7kEyQmS7DDJaiHBcVL1Jak8Ryquk/KnJNyblAwkxWpSNIG0zCDRQtK4iDSsJvX1pG4viRwj1V+Q3t9JzzXS/YTEepEOCWkfQdrGk1YHScwjSxeSJVVk8RayaA+Jd5KFn5MFYHRINDkk9oQk74XgpSF5TUixI6Q8EFKdCoHvQqxLIfbtEOfZEFcYgoaEBKNCQmvIOitkezdkLw851oWw7SF3W8jzUcj7bUh9MYT8F9KxQvq+IcPgkFEXQieFLG+EyopC5UtCFWtDlQ2hqv0h6mSo+ptQDTDS4tdp0Vs0XEpLVtGKzbS8mVYdpZWf0axfaXCF5jyi2c/TUH+aq6KF42jBdNpWQFs/oB0raXsd7d5NY0do71na8wuNXKbVD2n9c7ROTBuH04axtMVOo3Pp8gV0WSVduYmu+JCmOuiqM3TNz3Q1mBiTuGPwOzHR4pi4OqbcFlPti8m7YoqvY+zzMc7NGOgWYwligkEx4asxriUGzYzZ3445ymLWNTHb1pinNeY9EcO+irn/iOluxPQgpubHEFkMRWIWc8zgihnxWAUZqwzFyuhYeSxWHY/VJGNV6RgFpsXhN+OSkrh4RVy0Ma5qiisPxxWfxuU/xTn/xNn346yecfBSXKiMC16LQ1PjXG/cMT9uXx631catu+LeQ3HP6bj7xzj2d1x/L67rEUdEcfWwuGVMHLXFjXPihvfjlRXxig3x8p3xsvZ4zSfx6h/i1F/xKoAl5f6kIpBUUklVJCmKJsVMUpJIwqkkN5OEckkBlBRKk0CTZKFJtjPJ8SUxIukOJj3hpLclaT2etH2ZtJ9LOq4nDU+Txt5JdGDSok6qJySRGUldYVK/KFm1OknVJ6v3JmuOJcu+SJb/nqy4lqwEs9OK4rR8WVq1Pq1sTIsPpkUfp+Hv05I/09CdNLd7WvhCWqBIs0anweQ0x5Nmv5d2L01jNWnvjrTnQNp2Km39Lu24lLbfThufTRuEacuQNDoqjVjT6llp/btpXXmaWpeu2p6uaUtXf5Qu/zZddjFd+V+6AszLKhdmVVVZ+ZasYk9W0pmFP8+KfsuKr2YFj7NCbpY7IAu9kmUbs5zXs+CtLKs061mV9W7OYs1Z99Gs/bOs49es9UrW9iiLPp+19M8aVFnjuKxuelZfkFV/kEVWZqvrsjW7s1VHstTZbMUv2crL2bKH2XJQlFctySvX5hUNefn+PHwyL/kmL76QF93KC5/JC/rkIXmeOzLPmZhnu/Osd/Jgcd5bnfdsy7v35bGuvOPrvP183nYzb+2Wtwjy6KC88dW8wZLXz8zr3s4jZXn1mnzN1nx1a546ka/6Kl/5R77iRr4c5MvAAp66kods4uk+5Ok7eIYzPOPPPPRfnuUBz8rh2frx7C/zHAYeNo3nfpPnKeF5V/DARh6ricc+zON8yuP+xIP+4Qnu84Q9eaKXeGIlT/IaD57Kk3t5ivk85XKeqpZXu4tXd4hXf5pH/8hr+JvXeI/X1IPXDEgYCcFqGtbHYF0cNiZhQxq2ZGE0D9t4sBWGHVrYboLdGIz5YW8A9lAwKwKDKMxhYHYChlIwNwMLc7AAgsVSWKSBYRSWOGGFD5YTsCoIK8NwXQtcexymv4Trz8GN1+GGp3Bzb7gJVGh1G7T6nVp1uxb5RIv+oLX8pTXc1RrZWvuLWsdQrVWvtU3RemZrvcVabJnWvV7LbtRyDmrBx1rW91rBn1rhHS23uxZ6QStRaOHRWtFkrdijVb6nVS3Vymu0ih3a+gNa+pS29jtt3SVt021t87PaBqG2Eaw26etNur0m5JhJ/YXJ8rsJvWYyPjEZepkcEpN9hMk23mR1mLzzTJ6FJneVCdti4uwxsTtNrM9N4DeT8KpJ8NgEcU3cASb4FZPEaBK/bhK9ZVKVmpSrTIrNJnmziT5qqv/MVPerqfaKqfmRqel5U2N/UwNYhxm2Y8Y2DP0Is3yLqS9iyH+YjoXp+2LYYMytwzyTMO8bmLUIsy3B7GsxRwPG3Y9BJzHBN5jwAgZuYaxnMHYfjCPH5CMxxURM6cZU72CixZi4GpNsw+B9WEMX1vg11nQea76J1XbD6gRY/SCMBnV+426/4YjfctaP/uJHLvvVD/365/w6sd893I+N9Xvtfs9cv22B31rpd2zy2z/0Qx1+7hm/8Ge/4F8/64EfcPycfn72y36FwS+f5le96VeW+MUr/KKNfrjJLznsb/zU3/CTv/kff9N9f11Pf+1LflrprwdbA2hrwHIiYPgqYPwjoLsR0IOAmh9AZAEPEvCaA5gr4MYDdjLgCAWsdMAWCwjiAWEywE0HoGyAnQ9weAEAB1jagNIUUGEBuT+gCAQkVACOBETRgJgJNCUCzalAQybQmAvUQwFaGqjVBOrALspyiEJPU8YfKcPflP4epetBISJKPYzyjqE8Nso9h8LepxwVlH0DZdtJWdsp4SeU4AcK+ovi3qU4bIr9IsUaSgE9pZpCKWdTimJKvoyC11OSRkp8kBJ9TDV/TzX9STXeoRq6U/QLVL2CqhtN1YKWiPV4xPZlxH4u4rgewZ5G3L0jnoERrzqinhBBZkR0hRH9oohhdcRYH0H3RizHIqIvIuLfI5JrEfhJRN4ropBElCMiqvER4Iiw5kXYCyOcqgh3SwTaExF0RoSfR1p+i7RejbQ9jrRzIx0DIp2vRBhjpAsciNpORa3fRR2XovbbUfezUUwY9Q6JekZFEWtUPSuqfzeqK48a10UN26OWtij6UVT8bVR0MQr/F5Wwooq+UfngqEoXVU6Kst6IgqIoZ0mUvTYKNUS5+6PCk1HBN9HWC9GWW9H2Z6JtfaKd8mjHyGjXxCgDjjL2zxjHr4z1CmN7xHieZ7z9GUzFuMcxuumMvoBRf8AgKxm0jrHsZgxHGONZRvILA19mRA8Z8XOMUsyohjPysYzCzrDnMpwFDKhkWJsYwYeMsIPhnmGgn5m2f5n2B0wLh2ntxzAvM10GpmMa0wm6Eo6vE/bzCdvNhLVbwitIeAYl3K8mMEtCPzOhezuBlCXUaxKWrQm0NWE8kTB8lYD/SEhuJMQgIeInVLKEEkkozAm5K8HBE2wywQolAJ0QxhKCeAJKJrjpRHs20ZZPtPISLXCiS5tgTIlOLNEBPk1hP6Xc/6Q891PeninrSymbMmV/LeWYmjJ4U8b5KXR5ylKbUu9KIYdSutMp/Y8p+d8pxb2UskdKJUqJhqXEY1ISWwqek+K+n4IqUoINKeHOFGhPsT5JsX9Icf5KddxNdbJTzIuprqGpFn2qdUqqbXaqHSQy7lQGy2S8uYwHytikGasm40AzdmfG6MsYiIwlmEHDGaQloz6e0X+Z0Z3LKK5n5E8zqt4Z5cCMWJ0RTcjAMzKSwgy0KMNdnRHWZwR7M6xjGfBFhvN7hn0t0/kk09Er0yXJMCMyreMzLY5M+7xMG/g+5/kz572Tw7rn3C/k7IqcY3TOOjln8+TQ93KWpTlDTc64I6c7kNOfyqm/yyGXcsrbOdWzObkwpxiSk4zKwdacaFZO/G5OUJ4Trstxt+egthz7oxzn2xy4mGP9l2NYua6+uY7BuU5drm1Srv2NXEtRrhX8BnmvQp7HkJsLYQMgxyuQ3QjZXoesb0GWUghdBRk3Q4ZmSH8U0n0GIb9C6iuQ6hGkfB5S9IfkKggeB0mmQ+ICSPQBJFwJCeogaDfEPQJxzkLsXyDWZQg8hLqegxgx1Dkc6hgLtduhtrlQ6wKoBVyQFtySFj4jxftIi+TS4pHSkonSUreUeEdatlhaXi2t2Cat3Cet6pJSX0urz0trbkpru0nrBNL6QVL6VWmDRdo4U9r0trS5TNqyRtq6VdrWKm0/Ie34Str5h5S5Ie0CUsCXsmRSNiLlmKVclxTCpQJSKgT/agofaAo4mqJ+GvxlTYlBUzxNQ7ypKS3RlK/QlG3UVDZpKg5rqE81VT9pav7RVN/X1PXU1L6koZWa+tc0jVM1DV5N83xN03JNa62mZZem/ZCm7bSm80dNx9+arnsapoeGJdKAYRrOGA3bpoHmaLjva4QVGgHIongeLeKhBTBaqEVLTSiBocV+tCSAVlBoZQQti6LlDFqdQGtSaFUGpXJoPYTSUrRWg9ahaJMTbfahDQTaGETbwmh7C9pyHG39EmXOoV3X0Y6naGdvlD0Q5ahRMAFlzUAFhahwEcpdjULgrrOI7cRfdBYOdRboncQUZ+lsZ0mxs3iZs3K9s6LRWX7QWfaxs+Z7Z/WfTuqOs6q7k37BWa9w1o121k52NnucTe85G5c6G2qc7TucbQecraecLd85uy45mdvOzmedHUInZ4iTPcrJsjrBLKfwXaeg3Amtc3LBE19xL1+JxFc6wkeM9xU4fIXzfPhCX1GVr2qLj9rjq+701XzuK/vNV37VV/HYV8n1NQzwNb7iazL6ml/31b7lqyv11a/y0Zt9Hc2+zqM+5jNf16++liu+1ke+tud97f19XJUPGucTTPcJC3zgAx9rpY9d5+MAFlHSlygeTBA6onQSUfgGUVBEFC0h8LUE1UBU7SdqThLV3xDlF4iyW0TlM0RFH6JRTjSMJJonEk1uou4donYxQVcT9duIzn1ERxfR9TXBnCdabxIt3Yh2AdE2iIBeJbgWQjiTELxNsMoIsIbgbCXY4LlgqThIDA8Wjw2W2IP43GDRgmBBZbBwU7D6w2BNR7DqTJD6OVjxb7DyQbCMEyzvF2x6OdhsCDZMCza+GawvCdIrgrUbg3VNQeZwsOvTYMdPwc5/gm33g+09gy0vBVuVQcFrQeHUINcbhOYH2cuDnNog2BVkAX6YkIVLkXCJOVzsChfhYZwMF4bCBXS4JhaujoepZLgqHa7Mhivy4XJeuAwON2vDTaZwIxZu8IfpQLieCtdFwrXRcBcTZhLhzlS4IxNuz4XboHCrNNyiCQvRsMAZhnxhLhHmBMPscJjVEgb/Ay3G4eoTCHrmAAAAAElFTkSuQmCC', '+90 232 444 55 66', 'info@ozturk-smmm.example', 'Alsancak Mah. 1453 Sok. No: 7, Konak / İzmir', '38.4370', '27.1430', 'https://www.google.com/maps/embed?pb=!1m18!1m12', 'https://facebook.com/ozturksmmm', NULL, 'https://linkedin.com/company/ozturksmmm', NULL, NULL, '2025-11-02 10:00:00.000', '2025-11-03 08:00:00.000');

INSERT INTO `HeroSection` (`id`, `title`, `subtitle`, `description`, `buttonText`, `buttonUrl`, `image`, `isActive`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000001hero00000001', 'Mali işleriniz güvende', 'Serbest muhasebeci mali müşavirlik ofisimiz; şirket kuruluşundan aylık beyannamelere, bordro ve SGK işlemlerinden e-fatura, e-defter geçişine kadar işletmenizin bütün mali süreçlerini mevzuata uygun, zamanında ve şeffaf biçimde yönetir; siz de işinize odaklanırsınız.......', 'Uzun açıklama
ikinci satır', 'Teklif Al', '/#quote', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAARAElEQVR4nA3UCWOQZAMA4NcoCsNQFCVRDEVRlEQxFEVRFMVQFEVJFENRFCVRDJ1Ol8vVajpdrVar1Wo1Xa1ms9Vqte77vu/7vu/78vueH/EAAAAEIBjACEBQgGIAwwFOAIIEJAUoGtAMYFjAcoDjAS8AQQSiBCQZyApQVKBqQNOBbgDDBKYFLBvYDnBc4HrA84EfgCAEYQSiGMQJSFKQZiDLQV6AApwIQT0h0AtCekNwXwjrD6GnQsQgCB8CUUMhcjjEjITo0RB3OsSOg4QJED8RkiZD4lRImQ7JMyFtNqTOhYx5kL4AshZB5hLIOQuyl0PeSshdBQVrIH8dFG2AwnOgZDMUb4WybVC6Ayp2QTk4BYb7wEg/GAyAoYEwPhgmToPRYTA2AqZHwcwYmBwLU+Nh/gxYmASzU2BuGizPgJVZsDgHls6E9fmwsRBWF8PaUtheBjsrYPNs2FoN+2vhYD3sboS9TXC8BU7OhcPtcLQTznfDxR443QtngEAQEoEpBKIRwCAEi+AcgvEIKiCMiNASQskIqSCCivAawukIayCKicgWItmI6CCGi+geovmIGiBOiNgRYsWImSBBivgZ4uWIWyBJCRKXIlEZEpYjRQWSVyJZFZKCQSg6BMWGovhwlBiJgtEodDoKj0ORCSg7EeUmo/xUVJiOkjNRajZKz0WZeai6ANUWofoS1DgLFZej0kpUXoUqa1B3HeptQP1z0GAzam5FrW2ovQN1dqHpeWh2PppfgBYXoeE+NDqAxpegCRiGYSMwdBRGjMHwsRg0HgNnYMgkDJ6CcdMwdgYmzML4ORh1JkbOx5iFGL0Y05Zi6jLMWIHpZ2PSakxciynrMXkj5m3C3C1YcC7mb8esnZi5G3P2YPZeLLsQSy/Giv1YfhCLLsXCy7HkSiwGPI4LOCHiqIRjMg4rOKLiQMMhHecNXDBx1sI5G6cdnHFx0sMpH9cD3AhxNcK1GJcTXElxMcOlHPcLPCjB3VLcK8PtctypwM1K3KrC82q8qMHTWjyrw+N6PGnAw0Y8AuMIYgKBTySwyQQ6lUCmE/BMAppNgLmEMI/gFxDcIoJdQjBnEfRyglpJkKsIYw2hryO0DYR6DqFsJuSthLSNEHcQwS7CP4/wzifcCwjnIsLeR1gHCPMSoriMyK8gsquI9BoiuY6IbyCiQ0QIJpHkFJKaRtIzSGYWyc4huTNJfj4pLCTBYhJaSsLLSGQFiZ5NYqtJfC1JrCfNjaS1ibS3kM65pLud9HaS/m4y2EOKe0npQlK+mFT2k+pBUruU1C8njSvJkqvJ0mvJsuvJ8hvJisNk5c1k1a1kNdAoSqdIg2JMirYozqZYhxJcivcoyKdAQCEhBUcUFlNoQhEphWeUlVNmQTkllF1KeWWUW04FFZRfSUlVlFhNKTWUXEtpdZRaTxkNlN5IlTZRJc1UeQtV1kpVtlEV7VR1B1UFZtP0XJqZR5MLaGoRzS+hhbNodjnNraThVTSyhgbraGgDjZ9DE5tpdCuNbaPtHbSzizbPo63zaf8COriIdvfR3gFavoRWLqPFK2jpKlq/hjauo9UbaO0QXXYTXX4LXXKELj1KV91BV99FV9xDV4L5DLOQoRcz1FKGXMYIKxj+bIZbzbBrGWQ9A29koE0M2MIQ5zL4dgbbyaC7GWcPY+9lrAsZ82Im2M/4BxnvUsa9nFGuZOSrGelaRryeMW5k9MOMdjOj3sqU38aU3c6U3smU3M1U38tU3c9UPsRUAJdlPZbzWT5ghZAlI5aKWTphmZRFMxbLWbxgiRIWlLJQGQuXs0gF61ayXhXrV7NBDWvWslYda9ezTgOrNrJaE6s3s0YLK7ayUhsrt7NKB1vRyVZ2sVXdbPUDbMnDbOljbNmTbDlYznErOXYVJ6zh+HUctYEjz+GYzRy9lcO2cegOjtjF4edx0PkcuIBDLuLgfZx3gHMv4YLLOP8KzrqKM6/hnOs4+wZOO8SpN3HGLZx+hJOOcuIdnHIXJ9/DVd7HVTzIVT/CVT3OlT7FlTzLlb/AlYHVPL+WF9bz7Eae28TTW3jmXJ7czlM7eXw3T+zh0b08diEPX8wj+3lwkIcu5f3L+eBK3r2a967l7et550bePMxbN/P6rbxxG6/ezmt38vLdvHIvL97PSw/xVY/y1U/wFU/zlc/xZS/y5a/wJa/zpSARhFTgM4HLBbYQmBKBLhWoMoEsF4gKAa8UsCoBrRaQGgGuFaA6AdQLQYPgNwpek+A2C06LYLcKVptgtgtGh6B3ClqXoHYLygOC/LAgPSaITwrVzwhVzwuVLwkVrwrlbwhlbwul7wklYLMobhWlbaK8Q1R2iep5ona+qF8gGheJ5j7ROiDal4jOZaJ7hehdJfrXiMF1IrhBhA6J8E0icouIHhGxoyJ+h0jcJZL3iNR9Iv2gyDwiso+L3FMi/6wovCDWvCzWvibWvSnWvyM2vC82fiQ2fSo2g+2StFMSd0vKHkneK2kXSurFkrFf0g9K1qWSebnkXCnZV0vetZJ7vRTcKPmHJehmCdwqIbdJ8O0SdqeE3i0R90r4/RL1kEQ+KjFPSPTTEvecxL4oCa9I/OtS7VtSzbtS/QdS3cdS42dSw5dS8zdSEyiT5XJZqZDFSlmqkvVq2aiR1VpZq5PtetlpkM1G2WqS/WY5aJHdVtlrk+F2GemQQacMdcl4t0w8IKMPy9hjMv2kzDwjk8/L1Esy/6osvCGzb8vce3Ldh3L9J3LN53LtV3LTt3LzD3LDz3IjuEBRLlLkfYp0QBEvUYzLFP0KRbtKUa9RnOsU+wbFOqSYNynBLYp/RPGOKu4dCnKXAt+jQPcp4EGFeETBH1ewpxT0WYV5QaFfVqjXFPJNRXhH4d9XuI8U9lOl/gul7mul9jul5kel+Rel6Xel8S+lAexX1YOqdqmqX64aV6ri1ap0rSpfryo3qu5h1btZ9W9Vg9tU83bVulO171ade1X0fhV7SMUfVYknVPC0Cj2nwi+qyCsq+7rKvaXy76rCByr5sUp9ptJfqsw3asP3auNPatOvavMfas3fau1/al0PtR7UalqdptZrRoOmN2pSkyY2a0qLJrdqXpvmtmtBh+Z3alaXZnZrzgOa/bCGPaahT2rEMxr+vAa9pIFXNeQNDX5b497T2A814RON/1yjvtLIbzXmB43+WWv8TWv4U2v+R2s6ptUep9WcoNWfpNWBq3T9Gt24Tldv0LVDunyTrtyii0d06aju36EHd+nuPbp3n24/qDuP6ObjuvWUjj+rEy/o6Ms69poOv6kj7+jgfR36SOc/1YUvdPZrnftOp3/UmV908ned+ktv+ldvBnoDpDfCeh2i16N6DabXgusN40ZDP2xoNxvqrYZymyHfbkh3GuLdRnCv4d9veA8Z7qOG84RhP21YzxnmiwbxioG/bmBvGei7BvKBAX9sQJ8Z4EtD+Mbgvze4nwz2V4P5w6D/Nqj/DLKH0Xy80XSi0djTaOhl1Pc26voatf2NGtBimq2m1Wba7abTYbqdptdl+t1m8IApPmxKj5nyk6byjKk+b2ovmfqrpvGGSb5tUu+Z9Icm84nJfm5yX5n8t6bwgwl+NqHfTPhPE/nHRI+Z2HEmfoJJnGS2nGy2nmK29THb+5kdA8zOgWbXYLMbHLGso5Z5h+XcZdn3WN59lvugFTxi+Y9b0lOW+KylvGDJL1vaa5b6pmW8Y+nvW9RHFvmpxXxh0V9b3HcW+6Ml/GLxv1vQXxb410KABUMWBlsoYhGohWNWK261EFY7abVRVidtdTBWN2t1gTtt+27budc277eth2z/UTt4wnaftr3nbPlFW3nFFl+3pbds/V3b+MBWP7a1z2z6S5v5xia/t6mfbP5XW/jDZv+2uf9suIeNHG+DE22op433soneNtrXxvrbbafa7YPsliF261C7a7jdPdLuGG13gm7HecCxH3asxxzzSSd4xvGfd7yXHPdVR3nDkd92pPcc8UPH+MTRP3e0rxz1W4f5waF/dqjfHPJPR/jH4Y853HEOe4KDnOTAJzvQKQ7o4xD9HHyAgw100MFO+2lO2zCndYTTMsrpHuN0jXU6xzsd4BHXfdz1nnL9Z93gBdd82bVec+03XecdV33f1T5y9U9d4wtX/NqVvnPlH13lF5f93eX+cvl/XQG4JORSsEsjLoO6KOZiuIsTLkG6gHIh2oUZF2HdDs7t5N0uwe0W3Rbp//u5bYrbDp72vOc890UveMXzX/estzzzXc/5wLM/9rTPPPVLz/jG07/3pJ888VdP+cOT//a4/zy2hycc7/EnelRPj+zlMb09uq+H9ffQUz1ikIcP8aChHhjuISM9eLTXebrXMc7rnuB1TfRaJ3stU7326V4beMn3X/WDN3z3bd97z7c/9J1PfPNz3/rK17/1jR989Wdf+82X//SVf3zxmC8d5/Mn+MJJPnuyz53i0318pp9PDvCpgT4+2CdO89FhPjbCh0f5yBgfjPWh8X7XGX73JL9jit85zW+b4bfP8lvm+K3gzSB4J/DfD7yPAvfTwPkisL8OrO8C88fA+CXQfw+0vwL130ABgQwFEhyISCCgAY8FHB6wRMCQAU0FFB2QTECwAc4FGB+gQoCIASwFkBwAJehWgy4t6NSDDiNoN4M2K2i1gxbwQRh+HEafhfGXYfJNmH4fZj+F+a9h8UdY8ndY+l9Y1iMsPz6sODGs7BlW9Qqre4c1fcPa/mHdqWH9oLBhSNg4NGwaHjaPDFtGh62nh23jwvYJYcfEsHNy2DU17J4egpkhNDuE54bIvBBdEGKLQnxJSIDPo+irKPw2Sn6I4p+j7Lco/TMq/onyY1HpcVHJCVH5SVHZyVHlKVFFn6i6X1Q1IKodGNUMjupPi+qGRY0jooZRUfOYqGls1Do+ajkjap8UtU2JOqdFHTOi7llR15wIOjMC8yNkYQQvjrClEbosIlZEOPgujn+Mk1/i8Pc4+ivO/40LEKdQnMFxGRKXo3EJFpficRURV5NxBRVX0nEdE9ezcQ0X1/JxkxA3i3GDFDfKcZsSt6txixa36nGXEXebcYcVd9ox7MSIGwMvhvwYD2IijNEoxsCvSfJHEv+dRP8lYY+kOD7JT0yynknaKynvnZT1TUr7JyWnJtWDkqohSeXQpGJ4Uj8yqRud1J6e1IxLmickTROTxslJw9SkfXrSNjNpnZ20zE265yVdC5LORUnHkgQ5K4GXJ9DKBKxKiDUJvi7BNiQo+CdNj6XZcWl+QlqclIYnp9EpadwnTfqlFQPSyoFp1eC0+rS0ZFhaOiItG5WWj0kbxqaN49OmM9LmSWnNlLR2Wlo3I62flXbMSTvPTLvmp90L05bFaevStG1Z2r4iRc9OsdUpvjYl1qdgYwptSuEtKQKgLIOzFMkKNMuxLMKzkMgSMouprJLOKpisms2quKyUz0qErFzMyqSsUc4alKxZzZq0rFbPaoys3szqrKzTzjqcrNvNurys1c9agqw9zNqiDIszNMmINMOzDMozUGRISQaDnnneKy9652nfPOufx6fmyaA8HJJHQ/Oq4Xn1yLxidF55el42Li+fkJdMzEsn501T8+bpecPMvHF2Xjc3r5+X1yzIaxflXUvy7rPyjuV558q8bVXeviZvWZe3bsjxc3Jic45uzbFtObwjR3bl4LwcAn2Kol+RDyiygUU6uEhOK+JhRTSiCEcV1WOKqrFF5fii4oyifFJRNqUonVaUzCiaZxVNc4rGM4uG+UX9wqJucVG7tKhZVnSvKLrOLjpXFx1ri/b1RdvGonVT0bKlIM4t8O0FtrNAdxfIngLeW0AXFuB/fIBEW0qZMwQAAAAASUVORK5CYII=', true, 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000'),
('cmhg0c0000002hero00000002', 'Eski slayt', 'Pasif slayt', NULL, NULL, NULL, NULL, false, 1, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `ClientLogo` (`id`, `name`, `description`, `url`, `logo`, `isActive`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000003logo00000001', 'Ege Lojistik A.Ş.', NULL, 'https://ege-lojistik.example', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAARvklEQVR4nAXBDYBKdwAA8L+lKG2PVpTskaIWj1bU4k2K0jxaUeKRjsvxOJ1dOx6n43I8Tsfl7HE6rh1vTmeX43E6Lh/5mm82+zT2/Wmzzcc2+7DfDwAAuIAjADwI8MVAKAMQDERKINEAKQLkegCbgAIFKitQO4AWA4gb6HzAgANjEJhDACWAJQxsEWAngTMKsBhwUcATB94E8NMAT4JAChQwoDANijKAYEFxFpTkQGkelIFuXI6QC3px+b25PDkXGsAVDuJKtFzRcK58BFdq5irGcOFxXLWTq5rMRaZwtX6uYRZXN4drLuIaF3EtS7hoGde+gmtbxcWquM4NXM8mrquO69/O9e7kBpq4+F5u4X5uQRuXOMItOsYtOcktPsstu8gtBc8JeM8L+FIBeEHAGSgQqQWSoQLhSwLIKIBHCxRjBVK7QD5RoH1NgHgFqhkC9WyBsVBgXiDQLRYYSgW2ZQL7SgFaKbCsE7g2Cjy1AuebAmyHAG8UBPYIvPsE/lZB0SEBcVRQ0CkoPC0oPS8ouywoviEoARKI3xfi9Yc4Kgi8CEmGQSIDBL0MCV+BFDYIngDJJ0FSD4RMg7QzIXUBpJoHmRdCxhLI8AakWw7ZKyDbGsiyHkJrIM8WyLUNwhog51tQ4G0Ib4H8ByDvYYjogIpOQIVnoIJ3obKrUOl7UMlHUDHoJxYqxNBgsWiIWKITg5FizigxzyLmjxerXhWrXWLtVDEyXSwNiOVzxfB8saJYjL4utiwV28rF9tVi3VqxoVps3Cw2bxV768X+XWJ8tzjQLHa+I8YOil3tYs9xcfEpcck5ceklcdl1ccEtceEn4qK7YgIoZZBGJkRkEr1MZJJxUBmwyvgOGQ+Tqd0ylU+G4DJtUCYPyaSETBGWwRGZhZShUZk9JrNRMkNcpkvIzLTMmJT5UzIvIwukZXhGhrEyZ1bmyclceVnJBVnxFVnZTVnph7LC27KCL2TEt7IioIVFw2HJCFhohqExMG8czHfCYDLMmQJr/TAyC1bNgdVFMLwIViyBpWWwfAVsWwXbq2B0A2zZBBvrYPN2WLcTNjTB+F44sB/2tsH+I7DrGOw5CTvPwthFuPQaXPY+XPwxXHIHLvoKJr6HC36GC8FLSolRKRqthMYqhXYlf6KS95qS41WCGUpktlJbqFQvUKoWKxWlSniZUr5SKa1U2tcpbRuVllol+qbSvENpbFQa9ih1+5SBViV+SOk/qvR2Kj2nla7zSuyy0nlDWfaBsvRTZcnnyuJvlMSPyqL7ysKHygLwskb6ikZu08ATNIpJGpVHo56m0c7UIAUaME/DWajhlWj4b2iEyzVQhUa0RiNZr3HWaLAtGtc2jadB431L439bg7doAgc0usMaQ4fGeEJjPqNB39VYrmps72nsH2nIzzTlX2oqvtNU3tNU/aahHmuq/9bUAAsiH49IX0UULgSeiqinI6oAgsxFtPMRTjECXkf4SxFeOQKtRoRrEUk1ItqMYFsRZz3i2YW4diP+ZsT7DhI4iODtiOE4ojuFmM8hxkuI5TqC3kLsnyC2u0j51wj5A1L5C1LxAKH+RKr+RWqeQaqBQw9jeoVbL/Xp5bheG9QjIb2K0KvDel5Ezyf1IKrnxPQiSi+J64UJPUTrXUm9J6V3Mnosrccz+gCr92b1/pzemNebL+h1V/SGm3rbh3r7bT36hd7yrb7iJ33lr3rykb78ib76qb6mq76Kr6fAZJNiign2m+SzTNI5JqTIpF1kUi8xqcpM/BUm3ioTp8oENpgkm0yiOhO03STcafI0mVx7Tdh+k7PNFDhiwo+Z/CdN3rMm80WT8ZrJ8L5J97HJfsdk+8pk+d6E/myq/N1U8Yep/B8T2cVUwzNV9zBRPU1VwIuqZqDq2ai2EEUWoNLFqLwUhZehipWosBKF1qGijaikFgVvopwdKK8R5e9BvftQfyuKH0IDR1FnJ4qdRl3nUc9lFL2BWj5AbZ+i9s9R3Teo4UfUeB81P0Sr/kKp/9BqDlrTHSWfRctFaEUftBLMtKoLrKp5VmShVVtilb9hlS63Kiqs8BortN4qrLFKtlhF26ycBit4y8p/28prsfoPWL2HrYEOK37Cip2xOt+1eq5aXe9ZLR9Z0c+s9i+ttu+shntW3W9W82Or8W8rBaxVXGuNwFoNWcvFVlJmrYStFWCuQzvfgRQ7VK871EsdcLlDsdohXeuQVztEmx2SrQ5hvQPa5eDtdvCbHeAdB+egA293BI47vKcc/nMO1yWH57rDecuBfeKw3XXYv3agPzgsvziMDxzmPx26fx2GZxzV3Rw1QkdVLwfV21Ehd1QOcJCDHOWAwJAwpo1gahJTRTFFDIMpTB7HpAlMQmOiJAalMCGD8dMYL4NxWAxksUAOw/OY/wLmvYJ5bmKuDzHsNub8ArN/i9l+wiy/YugjzPwEMz7FDF0xHR+reQ6rfh6jpFjVC1jlQKxCjZUPxUiwxK0rcxtWuI2r3OYqN7rBbdnkttW57dvdzp1urMnt2uv27Hd729z+I278mDtw0g3OujkX3bxrbv77buHHbuiOW/SVW/K9W/qzW/67G/7DrfjHreriVvPc2h5upKe7VuKu6+um+7vrVe6GF92Nw9xNBjcDlvkMK326Sp95nc+40Wep9aFv+uw7fLZGH7bH59zn87T6XId8/qM+b6cvcNqHn/dxLvvADR//Ax/vUx/0uU/4jU/yo0903yd/6JP+5VP854M5PnV3n+pZHyLyafv46vr5ahW++sE+eoivUedrGOljRvmaQAVuXIOb1+O6GtywBbdtw+0NOPoWbnkbd7XgngO48zCOdeD4CTxwBve+i/uv4rz3cP5HOPgM53yJi77DJfdw4W849BiH/8YVAJdycbkA10I4IsZVMlwN47QSr9fgtQhep8ebTDiD4g1WvBGsDZqrg8bNQcPWoK4+aN8VtO0OWpqD6DtBz8Ggqz2IHQ86TwUD54L4paD/etB7K8j/JMi7G+R8HQQ/BCW/BEUPgtCfQeG/QcUzQbhbUC4MSnsFkd5BrTyoHhBUDQrWa4P08GDdiGCtOciMCTaNCzY6gw0gHkITIQsdsiVD9lRIx4QM6ZAxEzKzIW825M+F8HwocCHkvBLCboZcH4Y8t0PCL0LQtyHRTyHJryHwKMR5EuI9DfG7hlT8kPq5kPb5ECINSV8IyQeGYHVIMTTU8FKo0RhqGh1ixoZq7aG6iSH6tVA9qCMs2wl0J2FvImx7CcN+QtdGmI8QxmOE/yThPUsELhL4NQJ7n3B+THjuEK6vCOh7QvgzIfmdEP1BcP4hQBeCzyN4PQh1T0IlIZC+hLY/IVcR0hcJxTACNhCNLxMNrxCMjWiaQNRNImo9RP00ggY7wrbGsH1PGN0XtrSGjYfC5qNhXWfYcDqMnw8HLoe9N8L+D8KuT8Oez8POb8LYj2HR/bDkYVj4Vxj6L8zjhPndw+DZMEcU1vYJI/3CKkVYPTgMDwkrdGHpyLB8VLjJEmbGhxteDTe6wvTUcP30cG0gXAfeitjfjthaIpYDEfRwxNwRMZ6IGM5EdO9GAlcj+HsR/0cR72cRz5cR13cR7F7E+VtE8jgi+jsCgYiQG+ELIjwowhFHgCyCwBGtMqLWRFRIRKGPwKaIHI1IrRHGEWnCIo3uSIMvUo9H6GCkLhSpBc2k8x0SO0i62knPcdJ7ivSfI/FLZOA6qbtFGj4hjXdJ89ck+gNp+YW0PSDtf5LSf0n5MyTcjVQISVUvUt2b1MpJZAAJBpEcLckbTvJHkEIzCY0hReNIiZNsnky2TCFb/WTbLJKdQ7YXkR2LyE6QiWJs1JmNenJRVz7qvxD1XokGbkbxD6OG21HdF1Hzt1HjT1HLr1H0UdT+JGp7GpV3jUr5UcVzUfj5qFoaVb0QRQZGteooZ2gUvBTlG6O80VFobFRoj0omRkWvRVu80eYZ0bbZ0dbCaPuCKLs42lka7QBHYq5jMc/JmPNsDLsYw6/FAu/HvB/H/Hdixq9i5u9jup9jht9jtj9i9n9iaJeYhReDe8QUPWNSSUzeN6btH0NUMdWLMfWwGM8Q478cA6/EOLaYaEJMMikm9MSgabHWmbG2gljzvFjLwlhHSazzjRi7PNYOOinPacp1nsIuU84bVOADCv+U8n9Oeb+hzD9SxvuU4SGl+4uy/0fZOJSlO4U+SylEFNyHkvejpAoKGUxph1BqHaUaSfFHUTwLxRlPgVcpiYsSTaWg6ZQwQLXNpVrnUy3FVPPrVOdSqqOcal9NseBM3Ptu3H81jr8XD3wUd34Wx76Mu76Le+7F0d/ilsdx299xO4jruHGDIG6E4mZxXCWLq+G4VhlHNHEpEpfr47AprkDjQmsccsRFWFzijgNfnIPHecE4PxRniXh7ON4RiXeS8eZovCUWb6XibeBSwn894b2VCHySwO8msK8Tzh8Snl8SrgcJy58J9N+E/ZmErVvCIEzoeiXMvRNGeUI9IKEalEC0Ce3whHxEQmpOKMYk4HEJyJkQTk5IpiRE/gRnVgLMSfCLErxFifYlCbYs0bki0bEq0VKVaN6QaNuUaAU3afxDOnCb9n5B+7+lXT/Rnl9p5yMae0LbntL2rjTKpy3P0cbnabOU1r1AGwbSWjWNDKVVL9FqIw2PphVjaamdlk+kRa/REi8tnEFDs2leIc1fQIPFNKeU7lhGd66k2Uq6fR3dupFuq6Wb36RbwMfJwJ0k/lXS/33S+3PS83vS9UcS+yfp7JK085K2HklLzyQqSZr7Jo39kwZVUvdiEhmW1BqS6peTqleSClsSnpCUT0pKPUnJtKRoZhIqSArnJfkLk7ySJOeNJFie7KxIdqxJtq9PsjXJti3J1m3JloZkM/g8VfBNqvDHVNH9FPEwVfxXquS/VCknVdY9RT6bKhelKvqkKvulqhQpanCqekiqRpeqHZmqG5WiLan68amGV1ONrlTT1BQzPdUcSLXMTbXOT7UVp9jXU+1LUx3lqc7VKbA2xalO8Tan+FtTwvoUtCsl2p2SgO+YwntMwW8M8Zgp+pspAUwxlykTMKUQUy5mSBlTCTMVSobSMFUIU6Nnqk1MHcrUWpl6B0NjTKObafAxDM40BZmWENNMMG1hpjXCtJMMG2U6Y0wHxXDiDEgwfJrhJRkoxQgZRpJmROCXdNGDNPFnuuDfdOEz6dJu6TJhurhXuqR3ukKerhyQJgely7Xp6uHpmhHpKnOaGpOmx6Xrnenayem6Kekmf5qZlW6Yk24sSrcuSrctSTeXpVtWpDtWpTur0uyGdPumNK8uzd+eBjvTnKa0aG9asj8tbEtD4FGGeJIpepop7Jop4GfKnsuUPp8pkWaKX8hUDsxUqDPlQzPkS5kaY6Z6dIYam6myZ+onZujXMnXeTO2MDDM701SYaVyQaVicaSvNtC7LtKzMNFdmOtdlOjZm2msz7JsZ/o4MrzHD2ZMB+zKS1ozoUAY6mhGCf9jiLmwJjy3twZb1ZAskbGFftqg/S6jYqhdZahhbbWBrXmbJV9hyG1sxga2cxDZ42MZpbNNMlilga+exdQtZuoStf4Nll7PtFWzHGrZzPdtcw7ZsYVu3sW0NrPAtFnqbFbWwkgMsOMxyOljeCZYPONmS7tniZ7Nlomxpn2xhv2yBIksMzhYNyVK6bNXIbM2obLUlWz4+S76arXRlK6ZmG6dnGwJZZm62aX62rjhb+3q2fmmWLs+2r86ya7Od1dmOzdmWrdnm+mzbrmzr7izUnBW+k5UczIras5zjWXAqyz+X5QFBrhTKlYlzxbJcCZwrUuYITa4AyRXqc9WmXA2aq7LmKEeuAstVunOkL1eO55qCOSaUayByjeEcHcnVk7naaK4uluugcp3xHJvItdO51mSuLZVrZnIt6Zwok5OwOWE2B+VyvHyOfyEHruQ4oFe+rHe+VJ4vGZAvHpQntPmi4fnCEfkCc75mTL56XJ5y5qsm5yun5Cv8+fJZeXJOninKNy3KNy7JN5Tl61fk6VX5uqp87YZ856Z8R12+fXue3Zlva8q37s237M83t+UlR/KiY3noZF54Ns+/mOddy3Pez4P/Af9ATOpeE4PjAAAAAElFTkSuQmCC', true, 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `Service` (`id`, `icon`, `title`, `description`, `features`, `isActive`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000004service00001', 'Calculator', 'Muhasebe', 'Defter tutma ve raporlama', '["Beyanname","Bordro","E-defter & e-fatura"]', true, 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000'),
('cmhg0c0000005service00002', 'FileText', 'Vergi Danışmanlığı', 'Vergi planlaması', NULL, true, 1, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `WorkflowStep` (`id`, `icon`, `title`, `description`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000006workflow0001', 'Phone', 'Görüşme', 'İhtiyaçlarınızı dinliyoruz', 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000'),
('cmhg0c0000007workflow0002', NULL, 'Sözleşme', 'Kapsamı belirliyoruz', 1, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `PricingPlan` (`id`, `name`, `price`, `period`, `description`, `isPopular`, `isActive`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000008plan00000001', 'Standart', '3.000', 'ay', 'KOBİ''ler için', true, true, 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `PricingFeature` (`id`, `planId`, `text`, `isIncluded`, `order`) VALUES
('cmhg0c0000009feature00001', 'cmhg0c0000008plan00000001', 'Aylık beyannameler', true, 0),
('cmhg0c0000010feature00002', 'cmhg0c0000008plan00000001', 'Bordro (10 kişiye kadar)', true, 1),
('cmhg0c0000011feature00003', 'cmhg0c0000008plan00000001', 'Yerinde denetim', false, 2);

INSERT INTO `Testimonial` (`id`, `name`, `position`, `company`, `content`, `avatar`, `rating`, `isActive`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000012testimonial1', 'Selin Ak', 'Müdür', 'Ak Gıda', 'Her şey zamanında, teşekkürler.', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAAQHklEQVR4nA3W0Wfr/OM48Deh1ejTSn1CaLX6bbWE0GpVqyWEVqtaLSG0OtPZCGW1mc5GKKvNZDZCWWwmsxHKYjOZjXAuwrkI5yKci3AuwrkI5yKci/BchOf3e/0VLwAACAIoAgIoCCVAOAOiOIgVAVoFGAniLZDsgTQNsmOQnwKcBcQcFBagxIHKCtR40BAAKQJKAk0ZtBXQVUFfA0Md0AZgTDCywMQG2w7YccGeB1gfzCCwD4MDBByBYBCKBAEaDCWCgUwwigfDxSBaDcbIYLwVxHrBNB1MjoP5aTDLBol5EF8ES1ywsArW+GBFCJJisCEFm3KQUoJdNdjWgkM92DeCjBmkreDEDo6c4I4b3PaCrB/cg4L7cHCGBI+w4AGIRAJoJJSIgEwEwiOxYgStRsJkJNqKJHuRNB3BxpH4NIKzEWIeyS4ieS5SWUVqfKQgREpihJIiTTnSUCKkGulrkaEeaRuRrhkZWZGJHaGdCONG9rwI60e2ocgOHDlAIkdYZJaK7AMUDSXQQAaFcBQUUbSKxkg02kLDPTRNo8kxGp+iGIsScxRfoHkOza7QGo9WBLQkogUJbcoopaCkijY0dKijfQPtmmjbQic2OnJQxkVpD2V9dA9Cd2B0G0GPMPQghe7n0BlIJMKZRBRPxIoJtJoAZAJqJQK9RIhOZMeJ/DSBswlinsAWiTiXSK4SaT7REBKkmKCkRFNOFJRESU1UtERNT9BGgjETIysxsRNtJ9F1E30vMfQTMyixDycOkMQRlthOJXZyiT0iwYJMJopnwsUMWs3EyAzUyoBeJkRnAuNMfprJshlinsEXmTiXwVaZNJ9JChlSzDSkTFPOUEqmpGYKWqamZypGhjEztJWZ2JmRk+m6mbaXGfqZPpTZhzMzJHOEZQ5SmZ1cZpvIsOXMHsDxWBFHq3iYxKMtPNDDQzQOxjg0xXEWJ+Z4doHnOTy5wtM8jgl4XMQpCW/KeEPBSRWvaHhNxwsGXjLxkYVPbJx2cMbF+x4+9PE2hHdh/ADBjzB8lsL3c/gegbNlfLuO74BiEa0WY2Qx2iqGe8UQXQyMi9C0CNgiMS/ii2KeK2ZXxTRfTArFuFjEpGJTLlJKkVSLDa1Y04sVo1gyiwWrOLGLI6fIuEXaKw79Yh8qduFiGykeYcWDVHE/V5wRRbZc3KsXd6jiNqhWMbIab1WTvWqarmbH1fy0irNVYl4FiyrEVQOraoivhoVqVKzGpCoqV9tKtatW+1p1qFdpo8qY1ZFVndjVglMtudWKV6351QZUJeEqhVSbWPU4VT3NVTmiuixXz+rVc6p62aleAZKMt0isR6ZpMjkm81Myy5LEnMQXJMSRYEWGeDIgkFGRDEskKpMxheyqZFsjhzrZN0jGJGmLnNjkyCFLLlnwyJpPViCShMkGQjYxkkqRpznymCCXZZKrk+cUedYhrwbkJWi1kr1Wmm5h41Z82sLZFjFvZRetPNcKrFohvgWEFiS2YlILlVthpRVVW32tNdRbbaPVNVsjqzWxW7TTYtxWxWvV/FYBapXgFoW0mlirkWqRuRZHtJbl1nG9dUq1Ljutq0HrjGmdg14vTfeS41582sPYHjHv4YtenutlV70Q3wsIPUjsAamHyr2Y0ouqvbDWG+q9vtHrmr221ZvYvZHTY9we7fVqfq8C9Upwr4D0mliPSvXIXK9B9JblHlfvnVK9407vatC7ZHrnW70zQNPZMZ2f0jhLE3MaW9Bxjk6u6DRPhwU6KtIxiUZlGig0pNIBjQ7pNG3QjEmPLHpi022H7rp036OHPt2AaBKmKYRuYnQhRZdydIWga2X6rE6fU/Rlh74a0McMfbpFc7v0EozH+ek4y46J+RhfjOPcGFuN0/w4KYyj4jgsjVF5HFPGkDoG2jikjwPGmDHHtDWe2OORM+6647Y3HvrjPjQm4XEDGTexMZUal3LjAjGulceV+vicGp91xleD8SUzPt0aH++Ol7MxB6ZTnJ0S82l2Mc1z0+RqmuanmDCNi9OYNEXlaViZRtVpQJuG9CkwppA5HVnTiT2lnSnjTvvedOhP29C0C08pZNrEpo3UlMxNK8S0Vp4W6tMSNb3sTK8G0zNmer415Xany9n0+HB6CliWmLP4gs1zbHbFpnk2KbBxkcUkFpXZmMJGVTassSGdDRgsZLLAYic2O3JYxmVpjx36bB9iuzDbRtgmxlIplsyxDYKtldlKnS1RbKHDXg3YS4Y932LPdtnljOUO2dMT9hjM54XFvMTNK6t5jZ83hDkpzilp3pTnbWXeVed9bT7U57QxZ8z5yJpP7Dlw5pA7D3jzkD8PQ/MoPI8hcxSbY6l5PDdPEvN0eZ6tz/PUHO/MicH8hpkLW/P17vx2Nr87nD+czB+X82ewWJS4RWG1qPGLirAgxUVDWjTlBaUsuuqirS2G+qJvLBhzQVuLib0YOQvIXQBvEfIXAWgRhRdhZIFii1hqEc8tMGKRLi+S9UWeWmQ7C2KwwJmFsLW42V3czhbrw8XDyeJuuXi+WDwCjqusuBrPFQSuJHKUxDVlrqFwpMr1NW6oc22D65rcyOImNkc7HONyAY8L+RyAOAjmYgiHYlw4xUVzXJLg0mUOq3NxisM7HDHgsgyX3+LWu9ztjLs55IQT7nHJPV9wd9fcA1itavyqIqxK4qogrZryilJWpLpqaKuhvuobq665alurib0aOSvGXdHeKuSvAtAKglcAWaHYKpZaRXOrMLFKl1fJ+ipOrbDOihiscGaV31pld1e3s9X6cCWcrG6Wq+eL1eP16mG9ugM83xB4UuQpiW/KfEHhSypf0fiaztMGz5j8yOInNt92+K7L9z1+6PNhiI/CfAzhUYwHKR7K8QGCD5X5bJ3PUzze4YkBjzF8fItP7vLpGX93yD+c8I9L/vmCv7nmhTW/vudvgSCQotCQhKYsUIpQUoWCJtR0oWIIjCnQljCxhZEjdF2h7QlDX+hDQhQWwoiAYkIsJUA5ARBCqCwE6kKeErIdgRgIOCPEtwRsV0jPhOSh8HAi3C2F5wvh8VoQ1sLNvXD7JKyBKFKS2JTFhiKSqljRxJouFgyxZIojS5zYIu2IjCv2PXHoi21I7MJiDBFRTAynxGhODBBiqCyCughRIt4RiYGYZcT8lpjcFdMzETsU4yfi41J8vhDvrsWHtbi+F2+fxJuNKABJasoSpUikKjU0qaZLFUMqmVLBkia2NHIkxpVoTxr6Uh+SurDURiQUk2IpKZqTwoQUKkuBugT9/992JGIg4YyU35Kyu1J6JiUPpfiJhC2l5wvp8Vp6WEt399Ltk7TeSMKbdANkua3IXVXua/JQl2lDZkx5ZMkTWy44csmVK55c8+UGJJOwTCFyE5OxlBzPyUlCTpflbF3OUzLekYmBDBgZ2pIDu3JoJocP5eiJHFvK6IUsX8ubtfxyL78+ye8b+eNN/vqUNaAoXVVpa8pQV/qGwpgKbSkTWxk5SslVCp5S85UKpJCw0kCUJqZQKSWeUzBCSZeVZF3JU0q2oxADBWcUaEsBu0popgQOleiJEl4q6IUSu1Y2a0W+V16flJeN8vGmvH8q2jflC6hqX1OHuto21K6pjix1Yqu0ozKuWvHUmq8WILUEqxSiNjG1kVLJnJok1HRZxepqnFLxjkoM1Cyj5rfUwK4amqngUIVO1NhSRS/U8LUaXasv9+rrkypv1M2b+vWpat/U9+/qB9C0oa71Da1ram1Lm9jayNEYV6M9reZrFUgrwVoB0ZqYRqU0Mqc1CC1d1pJ1LU5pWEcjBhrOaPktLburhWZa4FCDTjSw1NALLXatRdda+F57fdJeNtrmTZM/Ne2b9vVd+/ihvQNdpw2dMfWRpU9sve3oXVfve/rQ1xuQTsI6hehNTC+k9FJOrxB6raxn63qe0vGOTgx0jNHjW3pyV0/P9PChHj3RY0sdvdDBtQ6t9cC9HnrS3zf6x5v+9alr33T5u775ob/81F+BYTCmQVvGxDZGjtF1jbZnDH2jDxkkbDQQo4kZVMoo5YwCYdTKRqVu5Ckj2zGIgYEzRnzLwHaN9MxIHhrREyO8NNALI3ZtQGsD3BuhJyOwMT7ejPdPQ/tmfH03Nj8M+afx+st4AaY5ssyJbdKOybhm3zOHvtmGzC5sUojZxMxGyiRzZoUwa2WzUDdLlIl3TGJgZhkzv2Umd830zMQOzfiJGVua6IUZvjajazNwb4aeTLAxoTfz69PUvpnv382PH+bLT/P1lyn/NjfAsia2NXIsxrVozxr6Vh+yurDVRqwmZlEpi8xZDcKqla1K3SpRVqFjEQMLZ6z8lpXdtdIzK3loxU8sbGmhF1bs2oqurfC9FXqyAhsLerPAp6V9s76+Wx8/rPef1usv6+W3tfljycC2tx17x7X3PJv17Rlk78P2AWIfYfZxyj7N2RxhL8v2Wd0+p+zLjn01sG8YW9iy17v27cy+O7QfTuzHpf18YcvX9mZtv9zbr0/2+8b+eLO/Pm3tmw2+29APO/DTDv2yw7/t6B879tdGgePsuM6257C+swc5+7AzQ5wjzDlIOac555hwlmWHqzvnlHPWca4GziXjCFvOza5zO3PWh87DiXO3dJ4vnMdrZ7N25Hvn9cl52Tgfb877p6N9c76+O9APB/x0Qr+cwG8n+scJ/3XQf50YcN09z2V9dxtyd2D3AHGPMHeWcvdzLke4y7J7XHdPKfey414N3DPGPd9y17vu7cy9OXSFE/dx6T5fuHfX7sPafbl3X59ceeNu3tyvT1f75r5/dz9+uIGfbuiXC3670B839tdF/3XD/7lR4Hms7+1B3g7sbSPeEeYdpLz9nDcjvGXZ4+reKeUdd7yrgXfJeOdb3tmudzvz1oeecOLdLL3nC+/x2ntYe3f33uuT97LxNm+e/Olp37yv797HD+/9pxf65QV+e9AfD/z10H+92H9eNOCFge/PIH8f9g8Q/wjzt1P+Ts7fI3y27J/V/XPKv+z4VwP/mPFPt3xu11/O/LtD/+HEf1z6zxf+zbUvrP31vX/75L9v/I83/+vT17758nd/88N/+em//vLDv/3oHz/210f/9cF/PhTwA//4IQBB+zA0Q6AjDDpIQTs5aJuA2DK0V4fOKeisA10NoEsGOt2Cjneh5QziDqGHE+huCT1fQI/XkLCGbu6h2ydovYE+3qD3T0j7Bn19hzY/IPkn9PoLevkNRf9A4b8Q+i8U+w+CAhD4Bwr9DwoAGD5A4CMMnqXg/Ry8R8BsGd6uwzsUfNmBrwbwGQOfb8HcLrycwceH8OkJ/LiEny/gu2v4YQ2v7+HbJ/hmAwtv8NcnrH2D37/DHz/gl5/w6y9Y/g1v/sCxvzD6Lxz+D44G4MA/cOh/MIjDEECQIww5SCH7OWRGIGwZ2asjOxSy3UGuBsglg5xvIWe7yHKGcIfI6QlyvESeL5DHa+RhjdzdI7dPyHqDCG/IzSeifUO+viMfP5D3n8jrL+TlN7L5g8h/EfRfJPYfEg0g4X+Q0P+QQByB/g8B/w9DQNFq/rOk0gAAAABJRU5ErkJggg==', 4, true, 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `TeamMember` (`id`, `name`, `position`, `bio`, `avatar`, `email`, `phone`, `linkedinUrl`, `isActive`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000013team00000001', 'Kemal Öztürk', 'SMMM', '25 yıllık deneyim.', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAARyUlEQVR4nAXBDYBKdwAA8L9lKTVNrRbx5k2WUkQp0TyeRUpNU6tFvHnb2el03FyuHcfjcZxON8e1y3G8edvZ6XRzc9u1szEawwjzme+PzOdkbEzbfj8AAOAAhggwYcBWAq4e8FDAtwGhB4hxIAkAKARgEkgjQBYDChqoEkCdBJoU0KWBIQOMWYDkAJoHJhYwC4AVAnY5cGiBEwFuC/C6gA8DmB/gQVBAgMIwKIqCYgqUxEEp6MZh8DmgL4c9kMPUcHijOdyJHKGTw5/BkczmiEs58BIOtJojq+NIt3BU2zmKdo5mL0d9hGM4w9Fd4yD3OcanHFNXDsrjWHtzzAM4DjXHPorjHs9xOji+aRzvLA5ewsEWcQpXcgpqOcWbOEXbOKVtnBLQQ8TsJWJLRWCIiDFSxDeJhJNF3KkiXoEImieCF4rElSLJWpFio0jVJJLuFMl2i3QHRYaTIvUlkea2CH0sMgGRkSNCRCI7LHIoRWa9yIqKvDaRzyNy4iJ3QFQQEhWSIiwiwmOiElpUmhAVJUXFQAiz+8HMQTBDB4OxsHASzHfDvJkwdw4Ml8HQMliyBhbXw6qtsGIHLOuApfthwzFYdx7W3ITVD2HTcxjtBiN82NgXdgyE7RrYOho2T4R9Ttg7A3bPhp2lcOESuGA1jNfB2Ba4dDtc0g4X74WLQB8lV6bkDVPy31QKzUowRcmYrmQWKtnzldLFSlmVUrFeqdqsFDcrJbuU0B4lfFhpPK1ErirRe0rT30o1Q6npodT1UhqkSucQpXuk0mtS+iYrzVOV1gKlfZ7SsVBZVKksXqss2agsbVJiO5X4bmXBQWUh6K/nDdZzDXrhW3r+23qGVw8+1LPn6pnletkKvfRTvapBr/hSL/laL+7Uwwf00Ak9clFv/F1v+lOP/qfXdNerhXpDP71ukN6t0zvH6n2T9F633jpTb56jd5Tp7cv0xWv0RfX60q36kh16vEOP7dcXHtMXAAXKH44Kx6BcK8p7F2W+j7KLULAAZSxFFdWo6jNU+jkqa0Gh71B4Hyo+ikrOoegN1PQHavwHRZioridq6IOqZahmGOp9E/WZUecU1D0dtReijvmoeTFqrUJL1qOlm9GiZrR4F1qwBy08jGKnURwMtQmNNv4EG+8dG9dnY39kY35sY1TYwCqbap1N0WiTfWWTfmODf7RBh2ySUzbxFZvprg39y4a8YDO+ZDOIbbr+Ns1gm9pg871l875tc3ttzg9tjrk2e7nNusJm/tRW2mAr+dJW/LWtqNNWeMBWcMKGX7RhYIRHPM4jsXug9zzwBx5psUf2iUex3KOq8YANHsYXHmarh/29h/uzh3fcw7/gEd7ymB95rP967GyP4xWP8zWPW+HxDvf4xnjUVo/mXY/ufY+hyGNc4EGWetBqj+kzT9nnnvIWT8V3HmKfhzzqqTznqbrhqQYILrHgYhcOYzjkx2VBXErgqjCuiOIMCgdxnP0tzvwJ5/2Kc8/iwus4/wFufYabX8QdL+N2Ce5+A3cOxX1G3DsB17yDq3244SNc9zGOVODGVbhpHY424uVf4WXf4MSPeMUhvPIUTl7Bq+/iVWB8AHIE4GkB8ayApCSgWBRQrQxIawOyTQHmtgC7LQB+CDB+CfB/CwgvB7h3ArwnAXuXgIMbML8asL4e8KoCvhEB57iA2x7QvRcwfBBQFwc0nwTQ5QFTTcC4IYB8EahoDRDfB8p+DpQfD1RdCFTfCpCPApXAFoI9IQgPSQIhcSikIkOKSEgWC0npEDsRYiZDjFQIpEPCTIifDfFyIW4+5GCF7IKQFQqZ5SGfNuRFQm5LyOkKGbCQzh/SBENqImQKh9BoCKFCxniI+DZU8VOo/NdQ2dlQ9fVQ1YNQ5bMQCZykdAYpm00qSknVElK8mpTUkdAWEt5OcttJ3l6Sf4QUniHBNZJxn2Q+JdldSSePdPcmvQNIn5o0jyKt40m7g3RMI42zSKSERBeRppWkupbUbCJ120hDG0n+QFb+Qlb9RlZfJsvukOVPyIouJAGmRmQFEem8iGphRFEZkayNiDdG4KYItDPC2x3hHowIT0b4lyKM2xHwOMIGESYn4hZFnHDEp4x49RErGjHbIg5PxI5HkEDEGIqYyAgaiWhiETUdMSQiumSkMhUh05HqTKQqGynPRcryEYIVqQAzY4o5MVVZTLosJlsTg+pj8NaYeEdM0hHj748Jj8W452O8mzHmwxj7eQx0izH4MW/fmG9gzKmJuUfH7BNjDmfMPCNmnR1DS2OmJTHj6hhSF9NtiRm2x9TtMc3eWNWRWPWZGHktVnk/VvE0RnSNlfFi5aCQVs2nFYtpWRUtXU/Dm2momZbsosV7aOFhmn+a5l2lufdo9t80k0EzetCgF+2T0t4htHsk7TTRjsm0fSptLaDN82jTQhqtpJG1tHEjbWiidTtpzW5afZCuPklXXaIrb9PkY5oAdAWHLhfRZWBuQl2e0KxI6D5NGBoSxi8TyNcJtDNhOpAwn0hYLybsvyccfyac/yXc3RNeYcLXLwEGJRi6BHNsgj0pwXUneDMT/DkJYVlCvCwhWZOA6hPw1oR0R0LWkVDsT6iOJWrOJ2pvJuoeJuqfJxq6JRr5CapvggYLkpqlSXV10vBZUvd5EmlJGr9LmvYl0aNJ67mk+UbS8UfS/k/SzUw6eyZ9fZJeWZIxLAneTLLNSeaUJG96kluYFM5P8hcnJVVJ8fokvDkJNSdlu5LSPUnV4aTidLL2arLmXrL+72QdI9nYI9nQK0lLkxSoSOlWpQzrUurGlOarFPpNyvRjyngohZxK2a+kHHdT5r9S1hdS3pdSPnHK2T/lHpxiGlLst1Lg7RTDm+J/mBLOTXHLU7wVKejTFNyQEn+ZknydUnSmVAdS0hMp2cVU3e+p+j9TNf+larunKGGK7pdqGJRqBMvThpq0bkNa80Va3Zo2fZ9Gf04jx9PGC2nHrbT9Udr6b9rMTvteSXtfS7sVaefwNHtMmmlNM95Ng/fTwqI0f0GatzTNrU7Dn6Whz9OSlrT4u7RqX1pxNC07l5beSNf/ka77J13LTNf0TNN90pQs3Tgs3QDCGWM0g1AZNJ4xfZtR/5TR/JrRnc0YrmecDzLuZxnvixnfyxmzJGN9I2MfmnEYM9wJGd47Gb4vI/woAz7OMCoyzFUZ9rqMtDEj+yqj+Caj+jEjPpSRnMpAVzLw3UzDX5nGFzLUSxlanKnpn6kdnKkzZOpBbRbZlDVuy5rasugPWc0vWfVvWcPlrO5O1v0k6+yS9XGz3lez1tezZlXWMSJrH5fl2bPc97LCD7L84izjkyxYnmXXZJkbsrIvstLWrOr7rOLnrOR4VnwhC9/KQo+yjf9mG9hZ+pUs9Vq2VpGtGZ6tH5OtA7EcSudMiZwxmUNSOV06Z8jk1NmcJpfz5nM+Vs4pyLmhnF2ec2hzZiRnteT4rpwQy3H9OV4wxyRy7HAORHMMKqeI51Tf5qQ/5WS/5qCzOfh6TvwgJ3mWo17M0S/nGiS5xjdydUNz9cZczYRcLdiSN23Po+15ZG/eeCRvOJPXXctr7ufVT/O+rnkvL+/unXcOyDvUefuovHV83uzIC6fl+bPyvJI8d1GevTLPrM0zNuXBtryqLa/4IS/7JS/9LQ9fzkN38pIneXGXPM3NU6/mG1/PN6jy9SPydePytfZ8DWhimXeyrLtZ9oMsx0mW8xLLfZvlfczyAZaaw9KIWDqYZVCyjHoWgrJQG8vkYYlxliTAgkIsmGRJIyxZjKWgWaoECyRZjBSLmWaxMyxulsXLsfh5lpDFahKwmiFWi5zVqmW1Iax2C6vDxeoEOwTWDoF5v8BxTGA/L3DfFDgfCnzPBd5uAg1foO4rMAwU6DQCZLTAOFFgcgrQGQLJbIG4VAAvEUCrBbI6gXSLQLVdoGgXMPYKwBEB+4yAeU3Auy/gPhUIuwr4PEFzb0HTAEGrWtAyStA+XtDmEHROE3SAXZB9D+Q4DJlPQ9arkPce5PsbcjIgdw9I1wsySCH1EEgzEkJNkGkyZJwKIQUQNA+CF0LiSkiyFlJshFRNkHQnJNsNMQ9C7JMQuAQxbkP8x5AQQFwOxBNBLTDUqoSa9FAzCnXYoE4P1IZD7aBT7jggt5+QWy/Kzb/LfX/Kvf/J3d3lTqHc0E+uGyTX6OTqsXLTJDnqliMz5cY5crhMDi2TS9bIxfVy1Va5Yodc1iGX7pezj8mZ5+WMm3LwUC58Lud3k/P4cm5feetAeYtG3jxa3jRR3umUd8yQt8+Wt4F9WudRrfuc1ntD6/tDa/5Ha2Vq7T21jj5ao0yLDNOib2pNZq16ilYzXasr1Brma6WLtbIqrWK9VrVZK27WSnZpoT1a+LCWe1rLu6rl39MK/9YChpbRQ8vspWVLtW1DtO0jtR0mbedkbdNUbXOBtmWethUcQtynEOcVxHcX8f6FWF9AzC8hDjFi748ggxGjATG9haBvIxovov4QMcxFdOWIbAUi/RRRNSCKLxHJ14i4E4EPINAJhHcR4f6OCP9E+P8hjO4IECLsfghzENKuQ9rGIp2TkA430jwTaZqDtJYhLeC4xXvB4rtlcT6yuP+12NkWxysW82sWq8KCDreYxliMVgvyrkX3vsVQZFEvsGiWWhTVFtVnFunnFlmLBfrOAu+ziI9aJOcs/BsW4R8W7j8WHtPC7Glh97EAmYUxzNLxpqXTbGmbYmmfbmkptLTOtzQttjSDsy7fdZf3gcv9zOV80eV42WWXuKxvuMxDXSajC53gQt5xGX0uw0cu3ccuTYVLvcqlWudSNLpkX7mk37jgH13QIZfklEt8xSW86+L/5eK94OK+5GKLXcz+LsZgFzC4Ot9ydbztave62j50tc51tZS7mle4msBlDLuD4U+wgi5YIRcrehUrfh0rUWGlI7CycVi5Hat4DyM+wMhirPITrGo5Vl2D1WzAar/A6lqx+u+xhp+xxuMYdQGjb2FNj7Dmf7EWNtb6Ctb2GtauwDqGY51jMGDFGO9izPcxdhHGXYDxlmL8akwIsn4858fy/kKWv0DgL4b8RXJ/qdZfgvjLLf4yl5/A/BV+f2XQTxL+6rC/Kuqvpfw1cX/9t/66n/yNv/obzvrp637qgb/5mb/pRX/ry/4Wib/9DX/bUH+n0d8xwc94xw98fvZHfubHfl6Fn7vKL1zn54P7wYKnwcKuQYwXxHsHSwYES9XBolHB4vHBCkeQmBYsmxUsLwlWLQpWrwyStcHKTcG6bcH6tmDND8HaX4LUb0H6crDhTrDxSbClS7CVG2x6Ndj8erBDFewcEWwbF2y3B5nvBdkfBEFxkPFJkL88KKwJcjcEeeAxUQiIAg6BiwgMJkqVRImeKEaJIhtBeIgKnCgPEGUhopokqiJEZYwgaaI+QdQlidoUUZMm6AxBZYnGHNGQJ1pZRIuAaIaIJjnRqSU6EKLdQrS5CDZGMP0EI0gAghCGCX6U4FEEFzwPF3ULF/PDJX3DpQPDmCaMjw4XTAwXOsPkjHDl7HBVabh6Sbhsdbi8LlyxJUxsDze0hxv3hqkjYfpMuOZauPZ+uO5puL5ruI0Xbu8d7hgQ7lSHm0aFm8eHWxzh1mlh7qwwryTMXxQWrgyD2jBjU5i5LcwGjGhxj2hRr2ipNFoyJIqPjGKmaOHkaMHUaGVBlJwXrV4YraqMlq+Nlm2MEk3Rip3Rxt3RhoNR+mSUuhStvR2teRytB9E6TrRdFG2Do53KaIc+2oxGm2zRVk+0BY/yAlFuKCoko/xIlBGLAjrKTkSZoDtVIqRK+1FFg6hiHVUwliqcRGFuCp9JVc2hqssochlVuYaqqKeIrVTZDqq8g6L2U/QxquE81XiTqntI1T+narpRtXyqoy/VOZBq01Dto6mWiVSrk2qaQTXPpvillHAJxV1N8eoo5haKvZ0C7RQD9IyX9omXyOLFw+JFb8YLzfGCKXF8ehwrjFfPj1ctjldWxcn1cWJzvKI5Xr4rXrYnTh+OU6fjjVfjDffi9X/H6xjx2h7xml7xTmm8Y0i8fWS8zRRvnRxvmRpvLog3zYsLF8b5lXHe2jh3Y5zdFGfujDN2x8H/zseralKN5osAAAAASUVORK5CYII=', 'kemal@ozturk-smmm.example', '+90 532 000 11 22', NULL, true, 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `FAQCategory` (`id`, `name`, `slug`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000014faqcat000001', 'Genel', 'genel', 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000'),
('cmhg0c0000015faqcat000002', 'Vergi', 'vergi', 1, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `FAQ` (`id`, `categoryId`, `question`, `answer`, `order`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000016faq000000001', 'cmhg0c0000014faqcat000001', 'Nasıl çalışıyorsunuz?', 'Belgeleri ayda bir teslim alıyoruz.', 0, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000'),
('cmhg0c0000017faq000000002', 'cmhg0c0000015faqcat000002', 'KDV ne zaman?', 'İzleyen ayın 28''i.', 1, '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

INSERT INTO `QuoteRequest` (`id`, `name`, `email`, `phone`, `company`, `serviceType`, `message`, `status`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000018quote0000001', 'Ahmet Kaya', 'ahmet@example.com', '0532 111 22 33', 'Kaya İnşaat', 'Muhasebe', 'Teklif rica ederim.', 'REVIEWED', '2025-11-02 10:00:00.000', '2025-11-04 12:00:00.000');

INSERT INTO `JobApplication` (`id`, `name`, `email`, `phone`, `position`, `experience`, `education`, `coverLetter`, `cvFileName`, `cvFileData`, `cvMimeType`, `status`, `createdAt`, `updatedAt`) VALUES
('cmhg0c0000019job000000001', 'Elif Şen', 'elif@example.com', '0555 222 33 44', 'Muhasebe Uzmanı', '3 yıl', 'Lisans', 'Ekibinize katılmak isterim.', 'elif-sen-cv.pdf', 'JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqCjIgMCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbXS9Db3VudCAwPj5lbmRvYmoKdHJhaWxlcjw8L1Jvb3QgMSAwIFI+PgolJUVPRgo=', 'application/pdf', 'INTERVIEWED', '2025-11-02 10:00:00.000', '2025-11-02 10:00:00.000');

